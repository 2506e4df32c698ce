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
public sealed class ReauthenticateModel(UserManager<User> users, CurrentPassword currentPassword, RecentAuthentication recent, SecurityLogWriter securityLog) : PageModel
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
        switch (await currentPassword.VerifyAsync(user, Password, SecurityEventTypes.ReauthenticationFailed, "re-authentication", ct))
        {
            case CurrentPasswordCheck.LockedOut:
                return RedirectToPage("/Account/Login");
            case CurrentPasswordCheck.Wrong:
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
