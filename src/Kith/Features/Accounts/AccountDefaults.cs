using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Personalization;
using Kith.Features.Vaults;

namespace Kith.Features.Accounts;

/// <summary>What every new account starts with, however it was created (registration or operator CLI).</summary>
public static class AccountDefaults
{
    public const string FirstVaultName = "Personal";

    public static void Seed(AppDbContext db, User owner, DateTime now)
    {
        var vault = Vault.Create(owner.AccountId, FirstVaultName, "", owner, now);
        db.Vaults.Add(vault);
        VaultDefaults.Seed(db, vault.Id);
        PersonalizationDefaults.SeedAccount(db, owner.AccountId);
    }
}
