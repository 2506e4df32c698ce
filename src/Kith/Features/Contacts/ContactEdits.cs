using Kith.Data;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts;

/// <summary>What every module edit shares: the tracked contact in scope, item ownership checks, and Touch + feed on save.</summary>
public sealed class ContactEdits(AppDbContext db, VaultScope scope, TimeProvider clock)
{
    public Task<Contact?> FindAsync(Guid contactId, CancellationToken ct) =>
        db.Contacts.InScope(scope).SingleOrDefaultAsync(c => c.Id == contactId, ct);

    /// <summary>A personalization item of the vault's account and of the expected kind; null for anything else.</summary>
    public Task<PersonalizationItem?> ItemAsync(Guid id, PersonalizationKind kind, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        return db.PersonalizationItems.AsNoTracking()
            .Where(i => i.Id == id && i.Kind == kind && db.Vaults.Any(v => v.Id == vaultId && v.AccountId == i.AccountId))
            .SingleOrDefaultAsync(ct);
    }

    public Task<List<PersonalizationItem>> ItemsAsync(PersonalizationKind kind, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        return db.PersonalizationItems.AsNoTracking()
            .Where(i => i.Kind == kind && db.Vaults.Any(v => v.Id == vaultId && v.AccountId == i.AccountId))
            .OrderBy(i => i.Position).ThenBy(i => i.Name).ToListAsync(ct);
    }

    /// <summary>Touches the contact, records the feed line and saves, all in one SaveChanges.</summary>
    public async Task SaveAsync(Contact contact, string action, string? detail, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        contact.Touch(now);
        db.FeedEntries.Add(FeedEntry.Record(contact.VaultId, contact.Id, scope.UserId, now, action, detail));
        await db.SaveChangesAsync(ct);
    }
}
