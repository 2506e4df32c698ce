using Kith.Data;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Lifecycle;

/// <summary>Favourite, "this is me", archive, the bin and restore. Each starts from a contact in the resolved vault.</summary>
public sealed class ContactLifecycle(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);

    /// <summary>Per user: one user's favourites are nobody else's.</summary>
    public async Task<bool> SetFavoriteAsync(VaultScope scope, Guid contactId, bool favorite, CancellationToken ct)
    {
        var userId = scope.UserId;
        var found = await db.Contacts.InScope(scope).Where(c => c.Id == contactId)
            .Select(c => new { c.VaultId, State = db.ContactUserStates.FirstOrDefault(s => s.UserId == userId && s.ContactId == c.Id) })
            .SingleOrDefaultAsync(ct);
        if (found is null) return false;
        var state = found.State;
        if (state is null)
        {
            state = ContactUserState.Create(userId, contactId, found.VaultId);
            db.ContactUserStates.Add(state);
        }
        state.IsFavorite = favorite;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Marks the contact as the caller in this vault, or clears it when it already was.</summary>
    public async Task<bool> ToggleMeAsync(VaultScope scope, Guid contactId, CancellationToken ct)
    {
        if (!await db.Contacts.InScope(scope).AnyAsync(c => c.Id == contactId, ct)) return false;
        var (vaultId, userId) = (scope.VaultId, scope.UserId);
        var member = await db.VaultMembers.SingleOrDefaultAsync(m => m.VaultId == vaultId && m.UserId == userId, ct);
        if (member is null) return false;
        member.MeContactId = member.MeContactId == contactId ? null : contactId;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> SetArchivedAsync(VaultScope scope, Guid contactId, bool archived, CancellationToken ct)
    {
        var contact = await db.Contacts.InScope(scope).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return false;
        if (contact.IsArchived == archived) return true;
        var now = clock.GetUtcNow().UtcDateTime;
        contact.IsArchived = archived;
        contact.Touch(now);
        db.FeedEntries.Add(FeedEntry.Record(scope.VaultId, contactId, scope.UserId, now, archived ? FeedActions.ContactArchived : FeedActions.ContactUnarchived));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>To the bin: hidden everywhere, restorable for <see cref="RestoreWindow"/>, then purged.</summary>
    public async Task<bool> DeleteAsync(VaultScope scope, Guid contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.InScopeIncludingDeleted(scope).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return false;
        // Already in the bin (a second click): the same answer, and the restore window is not restarted.
        if (contact.DeletedAt is not null) return true;
        var now = clock.GetUtcNow().UtcDateTime;
        contact.DeletedAt = now;
        db.FeedEntries.Add(FeedEntry.Record(scope.VaultId, contactId, scope.UserId, now, FeedActions.ContactDeleted));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> RestoreAsync(VaultScope scope, Guid contactId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - RestoreWindow;
        var contact = await db.Contacts.InScopeIncludingDeleted(scope)
            .SingleOrDefaultAsync(c => c.Id == contactId && (c.DeletedAt == null || c.DeletedAt > since), ct);
        if (contact is null) return false;
        if (contact.DeletedAt is null) return true;
        contact.DeletedAt = null;
        contact.Touch(now);
        db.FeedEntries.Add(FeedEntry.Record(scope.VaultId, contactId, scope.UserId, now, FeedActions.ContactRestored));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
