using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.TwoFactor;

/// <summary>What counts as "has MFA": a confirmed authenticator app or at least one passkey.</summary>
public sealed class MfaEnrolment(AppDbContext db)
{
    public Task<bool> IsEnrolledAsync(Guid userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == userId
            && (db.TotpAuthenticators.Any(t => t.UserId == userId && t.ConfirmedAt != null) || db.UserPasskeys.Any(p => p.UserId == userId)), ct);

    /// <summary>True when the user's account requires MFA and the user has none: everything but enrolment is closed.</summary>
    public Task<bool> MustEnrolAsync(Guid userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == userId
            && db.Accounts.Any(a => a.Id == u.AccountId && a.RequireMfa)
            && !db.TotpAuthenticators.Any(t => t.UserId == userId && t.ConfirmedAt != null)
            && !db.UserPasskeys.Any(p => p.UserId == userId), ct);
}
