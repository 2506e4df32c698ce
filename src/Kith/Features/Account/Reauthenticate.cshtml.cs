using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

[AuthRateLimit]
public sealed class ReauthenticateModel(SignInManager<User> signIn, UserManager<User> users, RecentAuthentication recent, SecurityLogWriter securityLog) : PageModel
{
    [BindProperty, Required, StringLength(FieldLengths.PasswordMax), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Invalid();
        // Counted toward lockout like every other password form.
        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await securityLog.WriteAsync(SecurityEventTypes.LockedOut, user, "re-authentication", ct);
            await signIn.SignOutAsync();
            return RedirectToPage("/Account/Login");
        }
        if (!check.Succeeded)
        {
            await securityLog.WriteAsync(SecurityEventTypes.ReauthenticationFailed, user, ct: ct);
            ModelState.AddModelError("", "That password is not correct.");
            return Invalid();
        }
        await recent.MarkAsync(HttpContext);
        await securityLog.WriteAsync(SecurityEventTypes.Reauthenticated, user, ct: ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
