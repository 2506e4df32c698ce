using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.Passkeys;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

[AuthRateLimit]
public sealed class ReauthenticateModel(UserManager<User> users, CurrentPassword currentPassword, RecentAuthentication recent,
    SecurityLogWriter securityLog, PasskeyCeremonies passkeys) : PageModel
{
    [BindProperty, Required, StringLength(FieldLengths.PasswordMax), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Handle { get; set; }

    [BindProperty]
    public string? Credential { get; set; }

    public bool HasPasskeys { get; private set; }

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        HasPasskeys = user is not null && (await users.GetPasskeysAsync(user)).Count > 0;
    }

    public async Task<IActionResult> OnPostPasskeyOptionsAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return (await passkeys.BeginAssertionAsync(user, ct)).ToResult();
    }

    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var proof = Credential?.Length <= FieldLengths.PasskeyCredentialJson
            ? await passkeys.VerifyAssertionAsync(Handle, Credential, expectedUser: user, ct)
            : null;
        if (proof is null)
        {
            await securityLog.WriteAsync(SecurityEventTypes.ReauthenticationFailed, user, "passkey not verified", ct);
            ModelState.AddModelError("", "That passkey could not confirm it is you. Use one of your own passkeys, or your password.");
            HasPasskeys = true;
            return Invalid();
        }
        await recent.MarkAsync(HttpContext);
        await securityLog.WriteAsync(SecurityEventTypes.Reauthenticated, user, "passkey", ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        HasPasskeys = (await users.GetPasskeysAsync(user)).Count > 0;
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
