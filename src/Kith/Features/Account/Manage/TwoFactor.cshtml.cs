using System.ComponentModel.DataAnnotations;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Features.Account.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account.Manage;

public sealed record ConfirmAuthenticatorInput
{
    [Required, StringLength(TwoFactorLengths.CodeInput), Display(Name = "Code shown by the app")]
    public string Code { get; set; } = "";
}

/// <summary>Authenticator app, recovery codes and remembered devices. Every change needs a recent password (sudo mode).</summary>
[RequireRecentAuthentication]
public sealed class ManageTwoFactorModel(UserManager<User> users, Authenticators authenticators, RecoveryCodes recoveryCodes,
    RememberedDevices devices, ResetMfa resetMfa, MfaEnrolment enrolment, SecurityLogWriter securityLog) : PageModel
{
    [BindProperty]
    public ConfirmAuthenticatorInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool Enabled { get; private set; }
    public bool MustEnrol { get; private set; }
    public string? ManualKey { get; private set; }
    public string? QrSvg { get; private set; }
    public int RemainingRecoveryCodes { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public IReadOnlyList<RememberedDeviceView> Devices { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostBeginAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await authenticators.BeginAsync(user.Id, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!ModelState.IsValid || !await authenticators.ConfirmAsync(user.Id, Input.Code, ct))
        {
            ModelState.Clear();
            ModelState.AddModelError("Input.Code", "That code did not work. Check the time on your phone and enter the code the app shows now.");
            return await ShowAsync(ct, StatusCodes.Status422UnprocessableEntity);
        }
        NewRecoveryCodes = await recoveryCodes.RegenerateAsync(user.Id, ct);
        await securityLog.WriteAsync(SecurityEventTypes.MfaEnabled, user, "authenticator app", ct);
        StatusMessage = "Two-factor authentication is on. Save your recovery codes now: they are shown only once.";
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await enrolment.IsEnrolledAsync(user.Id, ct)) return RedirectToPage();
        NewRecoveryCodes = await recoveryCodes.RegenerateAsync(user.Id, ct);
        await securityLog.WriteAsync(SecurityEventTypes.RecoveryCodesRegenerated, user, ct: ct);
        StatusMessage = "New recovery codes: the old ones no longer work. Save these now: they are shown only once.";
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await authenticators.IsEnabledAsync(user.Id, ct)) return RedirectToPage();
        await resetMfa.RemoveAllAsync(user.Id, ct);
        await securityLog.WriteAsync(SecurityEventTypes.MfaDisabled, user, "authenticator app", ct);
        StatusMessage = "The authenticator app was removed, with your recovery codes and remembered devices.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid deviceId, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await devices.RevokeAsync(user.Id, deviceId, ct) == 0) return NotFound();
        await securityLog.WriteAsync(SecurityEventTypes.RememberedDeviceRevoked, user, ct: ct);
        StatusMessage = "That device will be asked for a second factor at its next sign-in.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Enabled = await authenticators.IsEnabledAsync(user.Id, ct);
        MustEnrol = await enrolment.MustEnrolAsync(user.Id, ct);
        RemainingRecoveryCodes = await recoveryCodes.RemainingAsync(user.Id, ct);
        Devices = await devices.ListAsync(user.Id, ct);
        if (!Enabled && await authenticators.PendingSeedAsync(user.Id, ct) is { } seed)
        {
            ManualKey = string.Join(' ', Base32.Encode(seed).Chunk(4).Select(c => new string(c)));
            QrSvg = QrCodeSvg.Render(Totp.OtpAuthUri("Kith", user.Email ?? "", seed));
        }
        Response.StatusCode = status;
        return Page();
    }
}
