using Kith.Data;
using Kith.Infrastructure.Configuration;
using Kith.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kith.Features.Account.SecurityLog;

/// <summary>
/// Turns security events of the alerting kinds into alert emails, inside the same SaveChanges (so the same
/// transaction) that writes the event: whichever code path writes the event, the alert cannot be forgotten, and an
/// event that is rolled back sends nothing. At most one alert per kind per user per hour, counted from the
/// <see cref="SecurityEventTypes.SecurityAlertSent"/> events this writes.
/// </summary>
public sealed class SecurityAlertInterceptor(TimeProvider clock, PublicLinks links, OutboxSignal signal) : SaveChangesInterceptor
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            foreach (var trigger in Triggers(db))
            {
                if (await Recipient(db, trigger, cancellationToken) is not { } recipient) continue;
                var since = clock.GetUtcNow().UtcDateTime - Window;
                var recent = await db.SecurityEvents.AnyAsync(e => e.UserId == trigger.UserId && e.Type == SecurityEventTypes.SecurityAlertSent
                    && e.Detail == trigger.Type && e.OccurredAt > since, cancellationToken);
                if (!recent) Stage(db, trigger, recipient);
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            foreach (var trigger in Triggers(db))
            {
                if (RecipientSync(db, trigger) is not { } recipient) continue;
                var since = clock.GetUtcNow().UtcDateTime - Window;
                if (!db.SecurityEvents.Any(e => e.UserId == trigger.UserId && e.Type == SecurityEventTypes.SecurityAlertSent
                    && e.Detail == trigger.Type && e.OccurredAt > since))
                    Stage(db, trigger, recipient);
            }
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeDelivery(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeDelivery(eventData.Context);
        return result;
    }

    /// <summary>New events of an alerting kind, one per user and kind even if a save holds several.</summary>
    private static List<SecurityEvent> Triggers(AppDbContext db) =>
        [.. db.ChangeTracker.Entries<SecurityEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.UserId is not null && SecurityAlertMessages.IsAlerting(e.Entity.Type))
            .Select(e => e.Entity)
            .DistinctBy(e => (e.UserId, e.Type))];

    private static async Task<string?> Recipient(AppDbContext db, SecurityEvent trigger, CancellationToken ct) =>
        Tracked(db, trigger) ?? Confirmed(await db.Users.AsNoTracking().Where(u => u.Id == trigger.UserId)
            .Select(u => new { u.Email, u.EmailConfirmed }).SingleOrDefaultAsync(ct) is { } u ? (u.Email, u.EmailConfirmed) : null);

    private static string? RecipientSync(AppDbContext db, SecurityEvent trigger) =>
        Tracked(db, trigger) ?? Confirmed(db.Users.AsNoTracking().Where(u => u.Id == trigger.UserId)
            .Select(u => new { u.Email, u.EmailConfirmed }).SingleOrDefault() is { } u ? (u.Email, u.EmailConfirmed) : null);

    /// <summary>A user changed in this same save (a new email address) is mailed at the address being saved.</summary>
    private static string? Tracked(AppDbContext db, SecurityEvent trigger) =>
        db.ChangeTracker.Entries<User>().FirstOrDefault(u => u.Entity.Id == trigger.UserId) is { } entry
            ? Confirmed((entry.Entity.Email, entry.Entity.EmailConfirmed))
            : null;

    // An address nobody has proved is not mailed: it may belong to someone else.
    private static string? Confirmed((string? Email, bool Confirmed)? user) =>
        user is { Email: { Length: > 0 } email, Confirmed: true } ? email : null;

    private void Stage(AppDbContext db, SecurityEvent trigger, string recipient)
    {
        var content = SecurityAlertMessages.For(trigger.Type, trigger.OccurredAt,
            links.Absolute("/account/manage/sessions"), links.Absolute("/account/security-log"));
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(OutboxMessage.Create(recipient, content.Subject, content.TextBody, content.HtmlBody, now));
        db.SecurityEvents.Add(SecurityEvent.Record(SecurityEventTypes.SecurityAlertSent, now, trigger.UserId, trigger.AccountId,
            trigger.IpAddress, trigger.UserAgent, trigger.CorrelationId, trigger.Type));
    }

    private void WakeDelivery(DbContext? context)
    {
        if (context is AppDbContext db && db.ChangeTracker.Entries<OutboxMessage>().Any(m => m.Entity.SentAt == null)) signal.Notify();
    }
}

public static class SecurityAlertsSetup
{
    public static IServiceCollection AddKithSecurityAlerts(this IServiceCollection services)
    {
        services.AddSingleton<SecurityAlertInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SecurityAlertInterceptor>());
        return services;
    }
}
