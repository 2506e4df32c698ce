using Kith.Features.Contacts.Lifecycle;

namespace Kith.Features.Contacts.Avatars;

/// <summary>When the bin is emptied for good, the purged contacts' photos go with them.</summary>
internal sealed class AvatarFilesCleaner(AvatarStore store) : IContactFilesCleaner
{
    public Task DeleteAsync(IReadOnlyCollection<PurgedContact> contacts, CancellationToken ct)
    {
        store.Delete(contacts.Select(c => c.AvatarFile));
        return Task.CompletedTask;
    }
}
