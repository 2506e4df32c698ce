using Kith.Data;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Avatars;

public enum AvatarChange
{
    Done,
    NotFound,
    Refused,
}

/// <summary>Uploads or removes a contact's photo. Files change only around a successful commit, never before it.</summary>
public sealed class ChangeAvatar(AppDbContext db, AvatarStore store, TimeProvider clock)
{
    public async Task<(AvatarChange Result, AvatarProblem? Problem)> UploadAsync(VaultScope scope, Guid contactId, byte[] upload, CancellationToken ct)
    {
        var contact = await db.Contacts.InScope(scope).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return (AvatarChange.NotFound, null);
        var (encoded, problem) = await AvatarImage.ProcessAsync(upload, ct);
        if (encoded is null) return (AvatarChange.Refused, problem);

        var name = await store.SaveAsync(encoded, ct);
        var previous = contact.AvatarFile;
        try
        {
            Record(scope, contact, name, "photo uploaded");
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(name);
            throw;
        }
        store.Delete(previous);
        return (AvatarChange.Done, null);
    }

    public async Task<AvatarChange> RemoveAsync(VaultScope scope, Guid contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.InScope(scope).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return AvatarChange.NotFound;
        var previous = contact.AvatarFile;
        if (previous is null) return AvatarChange.Done;
        Record(scope, contact, null, "photo removed");
        await db.SaveChangesAsync(ct);
        store.Delete(previous);
        return AvatarChange.Done;
    }

    private void Record(VaultScope scope, Contact contact, string? file, string detail)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        contact.AvatarFile = file;
        contact.Touch(now);
        db.FeedEntries.Add(FeedEntry.Record(scope.VaultId, contact.Id, scope.UserId, now, FeedActions.AvatarChanged, detail));
    }
}
