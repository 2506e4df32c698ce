using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.AppPasswords;

public sealed record AppPasswordRow(Guid Id, string Name, AppPasswordScope Scope, DateTime CreatedAt, DateTime? LastUsedAt);

/// <summary>Issues, lists and revokes a user's app passwords; every change is in the security log.</summary>
public sealed class AppPasswordStore(AppDbContext db, SecurityLogWriter securityLog, TimeProvider clock)
{
    public const int MaxPerUser = 50;

    /// <summary>Returns the secret, which exists only in this response: the database keeps its hash.</summary>
    public async Task<string?> CreateAsync(User user, string name, AppPasswordScope scope, CancellationToken ct)
    {
        if (await db.AppPasswords.CountAsync(p => p.UserId == user.Id, ct) >= MaxPerUser) return null;
        var (token, parsed) = AppPasswordTokens.Create();
        db.AppPasswords.Add(AppPassword.Issue(user.Id, name, scope, parsed.LookupId, parsed.SecretHash, clock.GetUtcNow().UtcDateTime));
        securityLog.Add(SecurityEventTypes.AppPasswordCreated, user, $"{name} ({Describe(scope)})");
        await db.SaveChangesAsync(ct);
        return token;
    }

    public Task<List<AppPasswordRow>> ListAsync(Guid userId, CancellationToken ct) =>
        db.AppPasswords.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt)
            .Select(p => new AppPasswordRow(p.Id, p.Name, p.Scope, p.CreatedAt, p.LastUsedAt)).ToListAsync(ct);

    /// <summary>Only among the caller's own app passwords: another user's id is simply not found.</summary>
    public async Task<string?> RevokeAsync(User user, Guid id, CancellationToken ct)
    {
        var found = await db.AppPasswords.SingleOrDefaultAsync(p => p.Id == id && p.UserId == user.Id, ct);
        if (found is null) return null;
        db.AppPasswords.Remove(found);
        securityLog.Add(SecurityEventTypes.AppPasswordRevoked, user, $"{found.Name} ({Describe(found.Scope)})");
        await db.SaveChangesAsync(ct);
        return found.Name;
    }

    public static string Describe(AppPasswordScope scope) => scope switch
    {
        AppPasswordScope.CardDav => "CardDAV, contacts",
        AppPasswordScope.CalDav => "CalDAV, calendars",
        _ => scope.ToString(),
    };
}
