using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account.Manage;

public sealed record ChangePasswordInput
{
    [Required, StringLength(FieldLengths.PasswordMax), DataType(DataType.Password), Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required, StringLength(FieldLengths.PasswordMax, MinimumLength = FieldLengths.PasswordMin, ErrorMessage = FieldLengths.PasswordLengthMessage), DataType(DataType.Password), Display(Name = "New password")]
    public string NewPassword { get; set; } = "";

    [Required, DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match."), Display(Name = "Repeat the new password")]
    public string ConfirmPassword { get; set; } = "";

    [Display(Name = "Sign out everywhere else")]
    public bool SignOutOtherSessions { get; set; } = true;
}

[AuthRateLimit]
public sealed class PasswordModel(UserManager<User> users, SignInManager<User> signIn, AppDbContext db, SecurityLogWriter securityLog,
    CurrentPassword currentPassword, DatabaseTicketStore sessions) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Invalid();

        switch (await currentPassword.VerifyAsync(user, Input.CurrentPassword, SecurityEventTypes.PasswordChangeFailed, "change-password", ct))
        {
            case CurrentPasswordCheck.LockedOut:
                return RedirectToPage("/Account/Login");
            case CurrentPasswordCheck.Wrong:
                ModelState.AddModelError("Input.CurrentPassword", "The current password is not correct.");
                return Invalid();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            foreach (var error in result.Errors) ModelState.AddModelError("Input.NewPassword", error.Description);
            return Invalid();
        }
        if (Input.SignOutOtherSessions)
        {
            await db.RevokeAllExceptAsync(user.Id, HttpContext.CurrentSessionKey(), ct);
            securityLog.Add(SecurityEventTypes.SessionsRevoked, user, "all other sessions, after password change");
        }
        else
        {
            // The new security stamp would end the other sessions at their next stamp check; the user chose to keep them.
            await sessions.RestampOtherSessionsAsync(db, user.Id, HttpContext.CurrentSessionKey(),
                users.Options.ClaimsIdentity.SecurityStampClaimType, await users.GetSecurityStampAsync(user), ct);
        }
        securityLog.Add(SecurityEventTypes.PasswordChanged, user, Input.SignOutOtherSessions ? null : "other sessions kept");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // The security stamp changed; re-issue this session's ticket so it stays valid.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = Input.SignOutOtherSessions
            ? "Your password has been changed and your other sessions were signed out."
            : "Your password has been changed. Your other sessions stay signed in.";
        return RedirectToPage();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
