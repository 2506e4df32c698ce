using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.TwoFactor;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

public sealed record SecondFactorInput
{
    [Required, StringLength(TwoFactorLengths.CodeInput), Display(Name = "Code from your authenticator app, or a recovery code")]
    public string Code { get; set; } = "";

    [Display(Name = "Remember this device for 30 days")]
    public bool RememberDevice { get; set; }
}

/// <summary>The second sign-in step. It answers only to a browser holding a pending sign-in, and every failure looks the same.</summary>
[AuthRateLimit]
public sealed class TwoFactorModel(PendingSignIns pending, UserManager<User> users, SignInManager<User> signIn, Authenticators authenticators,
    RecoveryCodes recoveryCodes, RememberedDevices rememberedDevices, SecurityLogWriter securityLog, KnownDevices.KnownDeviceCookie knownDevices) : PageModel
{
    public const string FailureMessage = "That code did not work. Check your authenticator app and try again, or use a recovery code.";

    [BindProperty]
    public SecondFactorInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await pending.FindAsync(HttpContext, ct) is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var open = await pending.FindAsync(HttpContext, ct);
        if (open is null) return RedirectToPage("/Account/Login");
        var user = await users.FindByIdAsync(open.UserId.ToString());
        if (user is null || user.DeactivatedAt is not null) return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid) return await FailedAsync(user, SecurityEventTypes.SecondFactorFailed, "malformed", ct);
        if (await users.IsLockedOutAsync(user))
        {
            await securityLog.WriteAsync(SecurityEventTypes.SecondFactorFailed, user, "account locked", ct);
            return Failed();
        }

        var usedRecoveryCode = false;
        if (Totp.Normalize(Input.Code) is not null)
        {
            switch (await authenticators.VerifyAsync(user.Id, Input.Code, ct))
            {
                case TotpCheck.Replayed:
                    return await FailedAsync(user, SecurityEventTypes.SecondFactorReplayed, null, ct);
                case TotpCheck.Rejected:
                    return await FailedAsync(user, SecurityEventTypes.SecondFactorFailed, "authenticator code", ct);
            }
        }
        else if (await recoveryCodes.RedeemAsync(user.Id, Input.Code, ct))
        {
            usedRecoveryCode = true;
        }
        else
        {
            return await FailedAsync(user, SecurityEventTypes.SecondFactorFailed, "recovery code", ct);
        }

        if (!await pending.CompleteAsync(HttpContext, open.Id, ct)) return RedirectToPage("/Account/Login");
        await users.ResetAccessFailedCountAsync(user);
        if (Input.RememberDevice) await rememberedDevices.RememberAsync(HttpContext, user.Id, ct);
        await signIn.SignInAsync(user, isPersistent: false);
        await knownDevices.NoteSignInAsync(HttpContext, user, "second factor", ct);
        if (usedRecoveryCode) securityLog.Add(SecurityEventTypes.RecoveryCodeUsed, user);
        securityLog.Add(SecurityEventTypes.SecondFactorSucceeded, user, usedRecoveryCode ? "recovery code" : "authenticator code");
        await securityLog.WriteAsync(SecurityEventTypes.SignInSucceeded, user, ct: ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>Every kind of failure counts toward the lockout that also guards the password, and reads the same.</summary>
    private async Task<IActionResult> FailedAsync(User user, string eventType, string? detail, CancellationToken ct)
    {
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user)) securityLog.Add(SecurityEventTypes.LockedOut, user, "second factor");
        await securityLog.WriteAsync(eventType, user, detail, ct);
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.Clear();
        ModelState.AddModelError("", FailureMessage);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
