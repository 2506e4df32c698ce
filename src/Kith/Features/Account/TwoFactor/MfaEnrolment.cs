using System.Linq.Expressions;
using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.TwoFactor;

/// <summary>What counts as "has MFA": a confirmed authenticator app or at least one passkey.</summary>
public sealed class MfaEnrolment(AppDbContext db)
{
    /// <summary>
    /// Set by the session lookup (<see cref="Sessions.DatabaseTicketStore"/>), which answers "must enrol" in the same
    /// statement that loads the session: the gate then costs no query of its own on every request.
    /// </summary>
    public const string MustEnrolItem = "Kith.MustEnrolMfa";

    public Task<bool> IsEnrolledAsync(Guid userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == userId
            && (db.TotpAuthenticators.Any(t => t.UserId == userId && t.ConfirmedAt != null) || db.UserPasskeys.Any(p => p.UserId == userId)), ct);

    /// <summary>True when the user's account requires MFA and the user has none: everything but enrolment is closed.</summary>
    public Task<bool> MustEnrolAsync(Guid userId, CancellationToken ct)
    {
        var mustEnrol = MustEnrol(db);
        return db.Users.Where(u => u.Id == userId).AnyAsync(mustEnrol, ct);
    }

    /// <summary>The rule itself, composable into other queries (keep it in a local before using it inside a query).</summary>
    public static Expression<Func<User, bool>> MustEnrol(AppDbContext db) => u =>
        db.Accounts.Any(a => a.Id == u.AccountId && a.RequireMfa)
        && !db.TotpAuthenticators.Any(t => t.UserId == u.Id && t.ConfirmedAt != null)
        && !db.UserPasskeys.Any(p => p.UserId == u.Id);
}
