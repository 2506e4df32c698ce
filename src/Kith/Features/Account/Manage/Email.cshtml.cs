using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account.Manage;

public sealed record ChangeEmailInput
{
    [Required, EmailAddress, StringLength(FieldLengths.Email), Display(Name = "New email address")]
    public string NewEmail { get; set; } = "";

    [Required, StringLength(FieldLengths.PasswordMax), DataType(DataType.Password), Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";
}

[AuthRateLimit]
public sealed class EmailModel(UserManager<User> users, CurrentPassword currentPassword, EmailChanges emailChanges) : PageModel
{
    public const string CheckYourInbox = "We sent a confirmation link to the new address. Your email address changes only when you open it.";

    [BindProperty]
    public ChangeEmailInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string CurrentEmail { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        CurrentEmail = user.Email ?? "";
        if (!ModelState.IsValid) return Invalid();

        switch (await currentPassword.VerifyAsync(user, Input.CurrentPassword, SecurityEventTypes.ReauthenticationFailed, "change-email", ct))
        {
            case CurrentPasswordCheck.LockedOut:
                return RedirectToPage("/Account/Login");
            case CurrentPasswordCheck.Wrong:
                ModelState.AddModelError("Input.CurrentPassword", "The current password is not correct.");
                return Invalid();
        }
        if (await emailChanges.RequestAsync(user, Input.NewEmail, ct) == EmailChangeRequest.SameAddress)
        {
            ModelState.AddModelError("Input.NewEmail", "This is already your email address.");
            return Invalid();
        }
        StatusMessage = CheckYourInbox;
        return RedirectToPage();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
