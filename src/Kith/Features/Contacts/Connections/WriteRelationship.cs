using Kith.Data;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Connections;

/// <summary>Adds and removes relationships; both contacts are touched and get a feed entry.</summary>
public sealed class WriteRelationship(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// "<paramref name="otherId"/> is <paramref name="contactId"/>'s &lt;type&gt;" — or, with <paramref name="reverse"/>,
    /// its reverse name, stored as the mirrored row so every row keeps the convention of <see cref="Relationship"/>.
    /// </summary>
    public async Task<ConnectionChange> AddAsync(VaultScope scope, Guid contactId, Guid otherId, Guid typeId, bool reverse, CancellationToken ct)
    {
        var contacts = await db.Contacts.InScope(scope).Where(c => c.Id == contactId || c.Id == otherId).ToListAsync(ct);
        var contact = contacts.SingleOrDefault(c => c.Id == contactId);
        if (contact is null) return ConnectionChange.NotFound;
        if (otherId == contactId) return ConnectionChange.Refuse("A contact cannot be related to themselves.");
        var other = contacts.SingleOrDefault(c => c.Id == otherId);
        if (other is null) return ConnectionChange.Refuse("Choose a contact of this vault.");
        var vaultId = scope.VaultId;
        var type = await db.PersonalizationItems
            .Where(i => i.Id == typeId && i.Kind == PersonalizationKind.RelationshipType
                && i.AccountId == db.Vaults.Where(v => v.Id == vaultId).Select(v => v.AccountId).FirstOrDefault())
            .SingleOrDefaultAsync(ct);
        if (type is null) return ConnectionChange.Refuse("Choose a relationship type.");

        var (from, to) = reverse ? (other, contact) : (contact, other);
        var symmetric = (type.ReverseName ?? type.Name) == type.Name;
        var exists = await db.Relationships.AnyAsync(r => r.TypeId == typeId
            && ((r.ContactId == from.Id && r.RelatedContactId == to.Id) || (symmetric && r.ContactId == to.Id && r.RelatedContactId == from.Id)), ct);
        if (exists) return ConnectionChange.Refuse("This relationship already exists.");

        db.Relationships.Add(Relationship.Create(vaultId, from.Id, to.Id, type.Id));
        Record(scope, from, to, type.Name, FeedActions.RelationshipAdded);
        Record(scope, to, from, type.ReverseName ?? type.Name, FeedActions.RelationshipAdded);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same relationship was added at the same moment by another request: the unique index kept one.
            db.ChangeTracker.Clear();
            return ConnectionChange.Refuse("This relationship already exists.");
        }
        return ConnectionChange.Done();
    }

    public async Task<ConnectionChange> RemoveAsync(VaultScope scope, Guid contactId, Guid relationshipId, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        var relationship = await db.Relationships
            .Where(r => r.Id == relationshipId && r.VaultId == vaultId && (r.ContactId == contactId || r.RelatedContactId == contactId))
            .SingleOrDefaultAsync(ct);
        if (relationship is null) return ConnectionChange.NotFound;
        var contacts = await db.Contacts.InScope(scope)
            .Where(c => c.Id == relationship.ContactId || c.Id == relationship.RelatedContactId).ToListAsync(ct);
        if (contacts.All(c => c.Id != contactId)) return ConnectionChange.NotFound;
        var type = await db.PersonalizationItems.Where(i => i.Id == relationship.TypeId).SingleAsync(ct);

        db.Relationships.Remove(relationship);
        var from = contacts.SingleOrDefault(c => c.Id == relationship.ContactId);
        var to = contacts.SingleOrDefault(c => c.Id == relationship.RelatedContactId);
        if (from is not null) Record(scope, from, to, type.Name, FeedActions.RelationshipRemoved);
        if (to is not null) Record(scope, to, from, type.ReverseName ?? type.Name, FeedActions.RelationshipRemoved);
        await db.SaveChangesAsync(ct);
        return ConnectionChange.Done();
    }

    /// <summary>On <paramref name="contact"/>'s feed: "Bea Smith (parent)" — <paramref name="other"/> is the contact's &lt;name&gt;.</summary>
    private void Record(VaultScope scope, Contact contact, Contact? other, string name, string action)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        contact.Touch(now);
        var detail = other is null ? name : $"{ContactNames.Display(ContactNames.FirstLast, other.FirstName, other.LastName, other.Nickname)} ({name})";
        db.FeedEntries.Add(FeedEntry.Record(scope.VaultId, contact.Id, scope.UserId, now, action, detail));
    }
}
