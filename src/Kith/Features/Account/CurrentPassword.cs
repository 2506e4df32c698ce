using Kith.Features.Account.SecurityLog;
using Microsoft.AspNetCore.Identity;

namespace Kith.Features.Account;

public enum CurrentPasswordCheck
{
    Correct,
    Wrong,
    LockedOut,
}

/// <summary>
/// A signed-in user re-entering their password (change password, sudo mode): counted toward lockout like
/// sign-in, and a lockout signs the session out.
/// </summary>
public sealed class CurrentPassword(SignInManager<User> signIn, SecurityLogWriter securityLog)
{
    public async Task<CurrentPasswordCheck> VerifyAsync(User user, string password, string failureEvent, string purpose, CancellationToken ct)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await securityLog.WriteAsync(SecurityEventTypes.LockedOut, user, purpose, ct);
            await signIn.SignOutAsync();
            return CurrentPasswordCheck.LockedOut;
        }
        if (check.Succeeded) return CurrentPasswordCheck.Correct;
        await securityLog.WriteAsync(failureEvent, user, "wrong current password", ct);
        return CurrentPasswordCheck.Wrong;
    }
}
