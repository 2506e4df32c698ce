using Kith.Features.Contacts.List;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Contacts;

/// <summary>
/// The contact list, the contact page and search run a fixed number of statements whatever the vault's size
/// (issue 4: no N+1, nothing that loads every contact): counted by an EF interceptor for 10 and for 10,000 contacts.
/// </summary>
public sealed class StatementBudgetTests
{
    private const int ListBudget = 3;
    private const int ContactPageBudget = 10;

    [Fact]
    public async Task List_contact_page_and_search_run_as_many_statements_for_10_contacts_as_for_10000()
    {
        await using var factory = new StatementCountingFactory();
        var user = await TestUsers.CreateAsync(factory);
        var userId = await factory.IdOfAsync(user);
        var vaultId = await factory.FirstVaultAsync(await factory.AccountOfAsync(user));
        await factory.AddContactsAsync(vaultId, 10);
        var ids = await factory.ContactIdsAsync(vaultId);
        var labelId = await factory.AddLabelAsync(vaultId, "Book club", ids.Take(5));
        var groupId = await factory.AddGroupAsync(vaultId, "Family", ids.Take(3));
        foreach (var id in ids.Take(4)) await factory.SetStateAsync(userId, vaultId, id, views: 3, favorite: true);
        var contactId = ids[0];
        using var client = await TestUsers.SignedInClientAsync(factory, user);

        var cursor = new ContactCursor("person 00005", Guid.Empty).Encode();
        var list = new[]
        {
            $"/vaults/{vaultId}/contacts",
            $"/vaults/{vaultId}/contacts?after={cursor}",
            $"/vaults/{vaultId}/contacts?before={cursor}",
            $"/vaults/{vaultId}/contacts?sort=Updated",
            $"/vaults/{vaultId}/contacts?sort=Consulted",
            $"/vaults/{vaultId}/contacts?label={labelId}",
            $"/vaults/{vaultId}/contacts?sort=Updated&group={groupId}",
            $"/vaults/{vaultId}/contacts?sort=Consulted&favorites=true",
            $"/vaults/{vaultId}/contacts?archived=true",
        };
        var page = new[]
        {
            $"/vaults/{vaultId}/contacts/{contactId}",
            $"/vaults/{vaultId}/contacts/{contactId}?tab=Connections",
            $"/vaults/{vaultId}/contacts/{contactId}?tab=Activity",
        };
        var search = new[]
        {
            $"/vaults/{vaultId}/contacts/search?q=person",
            $"/vaults/{vaultId}/contacts/search?q=person+00002",
            $"/vaults/{vaultId}/contacts/search?handler=Suggest&q=pers",
        };
        var all = list.Concat(page).Concat(search).ToList();
        await factory.StatementsAsync(client, page[0]); // the first view writes the user's state row; later views update it

        var small = await CountAsync(factory, client, all);
        await factory.AddContactsAsync(vaultId, 9_990, prefix: "Other");
        var large = await CountAsync(factory, client, all);

        // Every path over its budget is reported at once, not only the first.
        var failures = new List<string>();
        foreach (var path in all.Where(p => small[p].Count != large[p].Count))
            failures.Add($"{path}: {small[path].Count} statements for 10 contacts, {large[path].Count} for 10,000:\n{string.Join("\n---\n", large[path])}");
        foreach (var path in list.Concat(search).Where(p => large[p].Count > ListBudget))
            failures.Add($"{path}: {large[path].Count} statements:\n{string.Join("\n---\n", large[path])}");
        foreach (var path in page.Where(p => large[p].Count > ContactPageBudget))
            failures.Add($"{path}: {large[path].Count} statements:\n{string.Join("\n---\n", large[path])}");
        Assert.True(failures.Count == 0, string.Join("\n======\n", failures));
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> CountAsync(StatementCountingFactory factory, KithClient client, IEnumerable<string> paths)
    {
        var counts = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var path in paths) counts[path] = await factory.StatementsAsync(client, path);
        return counts;
    }
}
