using Kith.Features.Accounts;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Infrastructure;

/// <summary>Builders for multi-user accounts in tests.</summary>
public static class Accounts
{
    public static async Task<Guid> AccountOfAsync(this KithFactory factory, TestUser user) => (await factory.UserAsync(user.Email))!.AccountId;

    public static async Task<Guid> IdOfAsync(this KithFactory factory, TestUser user) => (await factory.UserAsync(user.Email))!.Id;

    /// <summary>A user created through the CLI, then moved into <paramref name="accountId"/> with the given role.</summary>
    public static async Task<TestUser> CreateInAccountAsync(KithFactory factory, Guid accountId, AccountRole role, string name = "Sam Member")
    {
        var user = await TestUsers.CreateAsync(factory, name: name);
        var created = (await factory.UserAsync(user.Email))!;
        await factory.QueryAsync(async db =>
        {
            await db.Users.Where(u => u.Id == created.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccountId, accountId).SetProperty(x => x.Role, role));
            await db.Vaults.Where(v => v.AccountId == created.AccountId).ExecuteDeleteAsync();
            return await db.Accounts.Where(a => a.Id == created.AccountId).ExecuteDeleteAsync();
        });
        return user;
    }

    public static Task<Guid> FirstVaultAsync(this KithFactory factory, Guid accountId) =>
        factory.QueryAsync(db => db.Vaults.Where(v => v.AccountId == accountId).OrderBy(v => v.CreatedAt).Select(v => v.Id).FirstAsync());

    public static Task<VaultAccessLevel?> AccessAsync(this KithFactory factory, Guid vaultId, Guid userId) =>
        factory.QueryAsync(db => db.VaultMembers.Where(m => m.VaultId == vaultId && m.UserId == userId).Select(m => (VaultAccessLevel?)m.Access).SingleOrDefaultAsync());
}
