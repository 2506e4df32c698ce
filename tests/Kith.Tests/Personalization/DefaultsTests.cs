using System.Net;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Personalization;

public sealed class DefaultsTests(KithFactory factory) : IClassFixture<KithFactory>
{
    private Task<int> ItemCountAsync(Guid accountId) => factory.QueryAsync(db => db.PersonalizationItems.CountAsync(i => i.AccountId == accountId));

    private Task<int> VaultListCountAsync(Guid vaultId) => factory.QueryAsync(async db =>
        await db.ImportantDateTypes.CountAsync(t => t.VaultId == vaultId) + await db.QuickFactTemplates.CountAsync(t => t.VaultId == vaultId));

    private static int ExpectedItems => PersonalizationDefaults.Genders.Count + PersonalizationDefaults.Pronouns.Count + PersonalizationDefaults.Religions.Count
        + PersonalizationDefaults.RelationshipTypes.Count + PersonalizationDefaults.ContactInformationTypes.Count + PersonalizationDefaults.AddressTypes.Count
        + PersonalizationDefaults.PetCategories.Count + PersonalizationDefaults.GroupTypes.Sum(g => 1 + g.Roles.Length);

    private static int ExpectedVaultLists => 2 + VaultDefaults.QuickFactTemplates.Count;

    private async Task RunBackfillAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DefaultsBackfill>().RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_new_account_and_its_first_vault_start_with_the_defaults()
    {
        using var admin = await Admin.CreateAsync(factory);

        Assert.Equal(ExpectedItems, await ItemCountAsync(admin.AccountId));
        Assert.Equal(PersonalizationDefaults.Genders, await factory.NamesAsync(admin.AccountId, PersonalizationKind.Gender));
        Assert.Equal("child", (await factory.ItemAsync(await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.RelationshipType, "parent")))!.ReverseName);
        Assert.Equal(LinkScheme.Email, (await factory.ItemAsync(await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.ContactInformationType, "Email")))!.Scheme);
        var family = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.GroupType, "Family");
        Assert.Contains("parent", await factory.NamesAsync(admin.AccountId, PersonalizationKind.GroupRole, family));
        var kinds = await factory.QueryAsync(db => db.ImportantDateTypes.Where(t => t.VaultId == admin.VaultId).Select(t => t.Kind).ToListAsync());
        Assert.Equal([ImportantDateKind.Birthday, ImportantDateKind.Deceased], kinds.Order());
        Assert.Equal(ExpectedVaultLists, await VaultListCountAsync(admin.VaultId));
    }

    [Fact]
    public async Task A_vault_created_later_gets_the_vault_defaults()
    {
        using var admin = await Admin.CreateAsync(factory);
        using var created = await admin.PostAsync("/vaults/new", new() { ["Input.Name"] = "Work" });
        var vaultId = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
        Assert.Equal(ExpectedVaultLists, await VaultListCountAsync(vaultId));
    }

    [Fact]
    public async Task The_backfill_seeds_accounts_and_vaults_from_before_and_running_it_again_changes_nothing()
    {
        using var old = await Admin.CreateAsync(factory);
        using var current = await Admin.CreateAsync(factory);
        await factory.QueryAsync(async db =>
        {
            await db.PersonalizationItems.Where(i => i.AccountId == old.AccountId).ExecuteDeleteAsync();
            await db.QuickFactTemplates.Where(t => t.VaultId == old.VaultId).ExecuteDeleteAsync();
            return await db.ImportantDateTypes.Where(t => t.VaultId == old.VaultId).ExecuteDeleteAsync();
        });
        await factory.AddItemAsync(current.AccountId, PersonalizationKind.Gender, "Custom");

        await RunBackfillAsync();
        await RunBackfillAsync();

        Assert.Equal(ExpectedItems, await ItemCountAsync(old.AccountId));
        Assert.Equal(ExpectedVaultLists, await VaultListCountAsync(old.VaultId));
        Assert.Equal(ExpectedItems + 1, await ItemCountAsync(current.AccountId));
        Assert.Equal(ExpectedVaultLists, await VaultListCountAsync(current.VaultId));
    }

    [Fact]
    public async Task Two_instances_backfilling_at_once_seed_only_once()
    {
        var accounts = new List<Admin>();
        for (var i = 0; i < 3; i++) accounts.Add(await Admin.CreateAsync(factory));
        var ids = accounts.Select(a => a.AccountId).ToList();
        await factory.QueryAsync(db => db.PersonalizationItems.Where(i => ids.Contains(i.AccountId)).ExecuteDeleteAsync());

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunBackfillAsync)));

        foreach (var account in accounts)
        {
            Assert.Equal(ExpectedItems, await ItemCountAsync(account.AccountId));
            account.Dispose();
        }
    }

    [Fact]
    public async Task The_administrator_sees_the_lists_with_their_counts()
    {
        using var admin = await Admin.CreateAsync(factory);
        var html = await admin.Client.GetHtmlAsync("/settings/personalization");
        Assert.Contains("Relationship types", html, StringComparison.Ordinal);
        Assert.Contains($"({PersonalizationDefaults.RelationshipTypes.Count})", html, StringComparison.Ordinal);
        using var response = await admin.Client.GetAsync("/settings/personalization/not-a-list");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
