using System.Security.Claims;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace Kith.Features.Account.Passkeys;

public enum PasskeySignInOutcome
{
    SignedIn,
    Refused,
    Unconfirmed,
}

/// <summary>
/// After a verified passkey, the same gates as the password path in <see cref="LoginModel"/>: a locked or deactivated
/// user is refused with the generic message, an unconfirmed one is sent the confirmation link again.
/// </summary>
public sealed class PasskeySignInChecks(UserManager<User> users, SignInManager<User> signIn, SecurityLogWriter securityLog,
    AccountLinks links, EmailOutbox outbox, AppDbContext db, KnownDevices.KnownDeviceCookie knownDevices, IHttpContextAccessor http)
{
    private static readonly TimeSpan ConfirmationResendWindow = TimeSpan.FromMinutes(15);

    public async Task<PasskeySignInOutcome> SignInAsync(PasskeyProof proof, CancellationToken ct)
    {
        var user = proof.User;
        if (await users.IsLockedOutAsync(user))
        {
            await securityLog.WriteAsync(SecurityEventTypes.PasskeySignInFailed, user, "account locked", ct);
            return PasskeySignInOutcome.Refused;
        }
        await users.ResetAccessFailedCountAsync(user);
        if (user.DeactivatedAt is not null)
        {
            await securityLog.WriteAsync(SecurityEventTypes.PasskeySignInFailed, user, "user deactivated", ct);
            return PasskeySignInOutcome.Refused;
        }
        if (!user.EmailConfirmed)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await outbox.EnqueueUnlessRecentAsync(user.Email!, EmailTemplates.ConfirmEmail(links.Confirm(user, token)), ConfirmationResendWindow, ct);
            securityLog.Add(SecurityEventTypes.SignInUnconfirmed, user, "passkey");
            await db.SaveChangesAsync(ct);
            return PasskeySignInOutcome.Unconfirmed;
        }

        // A passkey is possession plus user verification on the device: multi-factor on its own, so no second step.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim("amr", "mfa"), new Claim(ClaimTypes.AuthenticationMethod, PasskeyAuthenticationMethod)]);
        if (http.HttpContext is { } context) await knownDevices.NoteSignInAsync(context, user, "passkey", ct);
        await securityLog.WriteAsync(SecurityEventTypes.PasskeySignInSucceeded, user, ct: ct);
        return PasskeySignInOutcome.SignedIn;
    }

    public const string PasskeyAuthenticationMethod = "passkey";
}
