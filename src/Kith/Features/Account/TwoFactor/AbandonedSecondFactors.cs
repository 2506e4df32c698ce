using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.TwoFactor;

/// <summary>Logs, once each, the correct passwords whose second factor never came (a stolen password, probably).</summary>
public sealed class AbandonedSecondFactors(AppDbContext db, SecurityLogWriter securityLog, TimeProvider clock)
{
    private static readonly TimeSpan KeepClosedRows = TimeSpan.FromDays(1);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.PendingSecondFactors.AsNoTracking()
            .Where(p => p.CompletedAt == null && p.AbandonmentLoggedAt == null && p.ExpiresAt <= now)
            .Select(p => new { p.Id, p.UserId, p.AccountId })
            .Take(500)
            .ToListAsync(ct);
        var logged = 0;
        foreach (var pending in expired)
        {
            // Conditional, so two instances sweeping together log each abandonment once.
            var claimed = await db.PendingSecondFactors.Where(p => p.Id == pending.Id && p.AbandonmentLoggedAt == null)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.AbandonmentLoggedAt, now), ct);
            if (claimed != 1) continue;
            securityLog.Add(SecurityEventTypes.SecondFactorAbandoned, pending.UserId, pending.AccountId);
            logged++;
        }
        await db.SaveChangesAsync(ct);
        var cutoff = now - KeepClosedRows;
        await db.PendingSecondFactors.Where(p => p.CreatedAt < cutoff && (p.CompletedAt != null || p.AbandonmentLoggedAt != null)).ExecuteDeleteAsync(ct);
        return logged;
    }
}

public sealed class SecondFactorSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SecondFactorSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public async Task<int> TickAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AbandonedSecondFactors>().SweepAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep (database briefly away) must not stop the next one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "The abandoned second factor sweep failed; it will run again.");
            }
        }
    }
}
