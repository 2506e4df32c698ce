using Kith.Data;
using Kith.Features.Contacts.Avatars;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Lifecycle;

/// <summary>
/// Ends the bin's restore window: contacts deleted more than 30 days ago are removed for good, with everything hanging off
/// them (cascades), then their files. Instance-wide maintenance, not a request: it is the one contact query not scoped to a vault.
/// </summary>
public sealed class ContactPurge(AppDbContext db, AvatarStore avatars, TimeProvider clock)
{
    public const int BatchSize = 200;

    public async Task<int> PurgeDueAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - ContactLifecycle.RestoreWindow;
        var total = 0;
        while (true)
        {
            var due = await db.Contacts.AsNoTracking().Where(c => c.DeletedAt != null && c.DeletedAt <= cutoff)
                .OrderBy(c => c.DeletedAt).Take(BatchSize)
                .Select(c => new { c.Id, c.AvatarFile }).ToListAsync(ct);
            if (due.Count == 0) return total;
            var ids = due.Select(c => c.Id).ToList();
            // Rows first: a file left behind by a crash is harmless, a row pointing at a deleted file is not.
            await db.Contacts.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
            avatars.Delete(due.Select(c => c.AvatarFile));
            total += due.Count;
        }
    }
}

/// <summary>Runs the purge at start and then every few hours; the work itself is in <see cref="ContactPurge"/>.</summary>
public sealed class ContactPurgeWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ContactPurgeWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<ContactPurge>().PurgeDueAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} contacts past the restore window", purged);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Contact purge failed; retrying later");
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
