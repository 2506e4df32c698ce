using Kith.Features.Accounts;
using Kith.Features.Vaults;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Contacts;

/// <summary>
/// An owner's vault with a contact (Ada), a viewer of that vault, and a stranger: another account with a vault and
/// a contact of its own, for the "object of another vault" cases.
/// </summary>
internal sealed record ModuleWorld(KithFactory Factory, KithClient Client, KithClient Viewer, Guid AccountId, Guid VaultId, Guid ContactId,
    Guid OtherAccountId, Guid OtherVaultId, Guid OtherContactId) : IAsyncDisposable
{
    public string ContactPage => $"/vaults/{VaultId}/contacts/{ContactId}";

    public string Path(string module) => $"{ContactPage}/{module}";

    public Task<int> FeedCountAsync(string action) =>
        Factory.QueryAsync(db => db.FeedEntries.CountAsync(e => e.ContactId == ContactId && e.Action == action));

    public static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    public static async Task<ModuleWorld> CreateAsync()
    {
        var factory = new KithFactory();
        var owner = await TestUsers.CreateAsync(factory);
        var accountId = await factory.AccountOfAsync(owner);
        var vaultId = await factory.FirstVaultAsync(accountId);
        var contactId = await factory.AddContactAsync(vaultId, "Ada", "Lovelace");
        var viewer = await Kith.Tests.Infrastructure.Accounts.CreateInAccountAsync(factory, accountId, AccountRole.Member);
        var viewerId = await factory.IdOfAsync(viewer);
        await factory.QueryAsync(db =>
        {
            db.VaultMembers.Add(VaultMember.Grant(vaultId, viewerId, VaultAccessLevel.Viewer, DateTime.UnixEpoch));
            return db.SaveChangesAsync();
        });
        var stranger = await TestUsers.CreateAsync(factory, name: "Otto Other");
        var otherAccountId = await factory.AccountOfAsync(stranger);
        var otherVaultId = await factory.FirstVaultAsync(otherAccountId);
        var otherContactId = await factory.AddContactAsync(otherVaultId, "Cody", "Other");
        return new ModuleWorld(factory, await TestUsers.SignedInClientAsync(factory, owner), await TestUsers.SignedInClientAsync(factory, viewer),
            accountId, vaultId, contactId, otherAccountId, otherVaultId, otherContactId);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Viewer.Dispose();
        await Factory.DisposeAsync();
    }
}
