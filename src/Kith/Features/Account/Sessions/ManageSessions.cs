using System.Security.Claims;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.Sessions;

public sealed record SessionRow(Guid Id, string Device, string? IpAddress, DateTime CreatedAt, DateTime LastSeenAt, bool IsCurrent);

/// <summary>
/// The sessions page: a user's own active sessions, and ending them. Every lookup carries the caller's user id,
/// so another user's session id finds nothing (404 at the edge).
/// </summary>
public sealed class ManageSessions(AppDbContext db, SecurityLogWriter securityLog, TimeProvider clock, IHttpContextAccessor http,
    Microsoft.Extensions.Options.IOptionsMonitor<Infrastructure.Configuration.KithOptions> options)
{
    public async Task<IReadOnlyList<SessionRow>> ListAsync(User user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - options.CurrentValue.Sessions.IdleTimeout;
        var currentHash = CurrentHash();
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == user.Id && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .Select(s => new { s.Id, s.Key, s.UserAgent, s.IpAddress, s.CreatedAt, s.LastSeenAt })
            .ToListAsync(ct);
        return sessions
            .Select(s => new SessionRow(s.Id, DeviceName.Describe(s.UserAgent), s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Key == currentHash))
            .OrderByDescending(s => s.IsCurrent).ThenByDescending(s => s.LastSeenAt)
            .ToList();
    }

    /// <summary>False when the id is not one of the user's sessions.</summary>
    public async Task<bool> RevokeAsync(User user, Guid sessionId, CancellationToken ct)
    {
        var session = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId && s.UserId == user.Id)
            .Select(s => new { s.UserAgent, s.IpAddress }).SingleOrDefaultAsync(ct);
        if (session is null) return false;
        await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == user.Id).ExecuteDeleteAsync(ct);
        await securityLog.WriteAsync(SecurityEventTypes.SessionRevoked, user, $"{DeviceName.Describe(session.UserAgent)}, {session.IpAddress}", ct);
        return true;
    }

    public async Task<int> RevokeOthersAsync(User user, string reason, CancellationToken ct)
    {
        var count = await db.RevokeAllExceptAsync(user.Id, http.HttpContext?.CurrentSessionKey(), ct);
        await securityLog.WriteAsync(SecurityEventTypes.SessionsRevoked, user, $"{count} other session(s), {reason}", ct);
        return count;
    }

    private string? CurrentHash() => http.HttpContext?.CurrentSessionKey() is { } key ? DatabaseTicketStore.HashKey(key) : null;
}

/// <summary>Claims kept in stored tickets that must follow the user's record.</summary>
internal static class TicketClaims
{
    public static void Replace(ClaimsPrincipal principal, string type, string value)
    {
        foreach (var identity in principal.Identities)
        {
            var existing = identity.FindFirst(type);
            if (existing is null) continue;
            identity.RemoveClaim(existing);
            identity.AddClaim(new Claim(type, value));
        }
    }
}
