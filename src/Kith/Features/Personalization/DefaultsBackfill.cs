using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Personalization;

/// <summary>
/// Seeds the defaults into accounts and vaults created before they existed (docs/decisions/0010-personalization-defaults-backfill.md).
/// Runs at startup after the migrations. Two instances starting together serialize on a write lock and check again
/// inside it, so nothing is seeded twice.
/// </summary>
public sealed class DefaultsBackfill(AppDbContext db, ILogger<DefaultsBackfill> logger)
{
    private const long PostgresLockKey = 0x4B69_7468_4466_6C74; // "KithDflt"

    public async Task RunAsync(CancellationToken ct)
    {
        if (!await AccountsWithoutItems().AnyAsync(ct) && !await VaultsWithoutDateTypes().AnyAsync(ct)) return;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(ct);
        var accounts = await AccountsWithoutItems().Select(a => a.Id).ToListAsync(ct);
        var vaults = await VaultsWithoutDateTypes().Select(v => v.Id).ToListAsync(ct);
        foreach (var account in accounts) PersonalizationDefaults.SeedAccount(db, account);
        foreach (var vault in vaults) VaultDefaults.Seed(db, vault);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        if (accounts.Count + vaults.Count > 0)
            logger.LogInformation("Seeded default lists into {Accounts} accounts and {Vaults} vaults", accounts.Count, vaults.Count);
    }

    private IQueryable<Accounts.Account> AccountsWithoutItems() =>
        db.Accounts.Where(a => !db.PersonalizationItems.Any(i => i.AccountId == a.Id));

    // The birthday type cannot be deleted, so a vault without one has never been seeded.
    private IQueryable<Vault> VaultsWithoutDateTypes() =>
        db.Vaults.Where(v => !db.ImportantDateTypes.Any(t => t.VaultId == v.Id && t.Kind == ImportantDateKind.Birthday));

    /// <summary>Takes the database's write lock now, before reading, so a second instance waits here and then finds nothing to do.</summary>
    private async Task LockAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        else
            // SQLite has one writer: a write statement (even one touching no row) makes this transaction that writer.
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"PersonalizationItems\" WHERE 0 = 1", ct);
    }
}
