using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.Passkeys;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

/// <summary>Passwordless sign-in: the passkey names the user, so no email address is asked for.</summary>
[AuthRateLimit]
public sealed class PasskeySignInModel(PasskeyCeremonies ceremonies, PasskeySignInChecks checks, SecurityLogWriter securityLog) : PageModel
{
    public const string FailureMessage = "That passkey did not sign you in. It may have been removed, or the account is temporarily locked.";

    [BindProperty, StringLength(FieldLengths.PasskeyHandle)]
    public string? Handle { get; set; }

    [BindProperty, StringLength(FieldLengths.PasskeyCredentialJson)]
    public string? Credential { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostOptionsAsync(CancellationToken ct) =>
        (await ceremonies.BeginAssertionAsync(null, ct)).ToResult();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var proof = ModelState.IsValid ? await ceremonies.VerifyAssertionAsync(Handle, Credential, expectedUser: null, ct) : null;
        if (proof is null)
        {
            await securityLog.WriteAsync(SecurityEventTypes.PasskeySignInFailed, detail: "assertion not verified", ct: ct);
            return Failed(FailureMessage);
        }
        return await checks.SignInAsync(proof, ct) switch
        {
            PasskeySignInOutcome.SignedIn => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/"),
            PasskeySignInOutcome.Unconfirmed => Failed(LoginModel.ConfirmFirstMessage),
            _ => Failed(FailureMessage),
        };
    }

    private PageResult Failed(string message)
    {
        ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
