using System.Net;
using System.Text.RegularExpressions;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Contacts;

public sealed partial class ContactListTests
{
    private static async Task<(KithFactory Factory, KithClient Client, Guid VaultId, Guid UserId, TestUser User)> VaultAsync()
    {
        var factory = new KithFactory();
        var user = await TestUsers.CreateAsync(factory);
        var vaultId = await factory.FirstVaultAsync(await factory.AccountOfAsync(user));
        return (factory, await TestUsers.SignedInClientAsync(factory, user), vaultId, await factory.IdOfAsync(user), user);
    }

    /// <summary>Follows "Next" links from the first page; returns the contact ids in the order shown.</summary>
    private static async Task<List<string>> WalkAsync(KithClient client, string first)
    {
        var seen = new List<string>();
        var path = first;
        for (var pages = 0; path is not null && pages < 50; pages++)
        {
            var html = await client.GetHtmlAsync(path);
            seen.AddRange(ContactLink().Matches(html).Select(m => m.Groups[1].Value));
            var next = NextLink().Match(html);
            path = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }
        return seen;
    }

    [Fact]
    public async Task Paging_through_250_contacts_visits_each_once_in_order_for_every_sort_and_back()
    {
        var (factory, client, vaultId, userId, _) = await VaultAsync();
        await using var _f = factory;
        using var _c = client;
        await factory.AddContactsAsync(vaultId, 250);
        var byName = (await factory.ContactIdsAsync(vaultId)).Select(id => id.ToString()).ToList();
        // AddContactsAsync makes contact i updated i seconds before the first: name order is also newest-first order.
        Assert.Equal(byName, await WalkAsync(client, $"/vaults/{vaultId}/contacts"));
        Assert.Equal(byName, await WalkAsync(client, $"/vaults/{vaultId}/contacts?sort=Updated"));

        var ids = byName.Select(Guid.Parse).ToList();
        for (var i = 0; i < ids.Count; i++) await factory.SetStateAsync(userId, vaultId, ids[i], views: 1 + (i % 7));
        var consulted = ids.Select((id, i) => (id, views: 1 + (i % 7))).OrderByDescending(x => x.views).ThenByDescending(x => x.id.ToString(), StringComparer.Ordinal)
            .Select(x => x.id.ToString()).ToList();
        var walked = await WalkAsync(client, $"/vaults/{vaultId}/contacts?sort=Consulted");
        Assert.Equal(250, walked.Count);
        Assert.Equal(250, walked.Distinct().Count());
        Assert.Equal(consulted.Select(id => 1 + (ids.IndexOf(Guid.Parse(id)) % 7)), walked.Select(id => 1 + (ids.IndexOf(Guid.Parse(id)) % 7)));

        // "Previous" from the second page leads back to the first page exactly.
        var page1 = await client.GetHtmlAsync($"/vaults/{vaultId}/contacts");
        var page2 = await client.GetHtmlAsync(WebUtility.HtmlDecode(NextLink().Match(page1).Groups[1].Value));
        var back = await client.GetHtmlAsync(WebUtility.HtmlDecode(PreviousLink().Match(page2).Groups[1].Value));
        Assert.Equal(ContactLink().Matches(page1).Select(m => m.Value), ContactLink().Matches(back).Select(m => m.Value));
    }

    [Fact]
    public async Task Names_sort_by_last_name_when_the_user_shows_last_names_first()
    {
        var (factory, client, vaultId, userId, _) = await VaultAsync();
        await using var _f = factory;
        using var _c = client;
        var zed = await factory.AddContactAsync(vaultId, "Aaron", "Zed");
        var abe = await factory.AddContactAsync(vaultId, "Zoe", "Abe");
        Assert.Equal([zed.ToString(), abe.ToString()], await WalkAsync(client, $"/vaults/{vaultId}/contacts"));
        await factory.QueryAsync(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.NameOrder, Kith.Features.Contacts.ContactNames.LastFirst)));
        Assert.Equal([abe.ToString(), zed.ToString()], await WalkAsync(client, $"/vaults/{vaultId}/contacts"));
        Assert.Contains("Abe, Zoe", await client.GetHtmlAsync($"/vaults/{vaultId}/contacts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_label_group_favourites_and_archived_and_favourites_are_per_user()
    {
        var (factory, client, vaultId, userId, user) = await VaultAsync();
        await using var _f = factory;
        using var _c = client;
        var ada = await factory.AddContactAsync(vaultId, "Ada", "Lovelace");
        var bob = await factory.AddContactAsync(vaultId, "Bob", "Kahn");
        var cyd = await factory.AddContactAsync(vaultId, "Cyd", "Charisse", c => c.IsArchived = true);
        var label = await factory.AddLabelAsync(vaultId, "Book club", [ada]);
        var group = await factory.AddGroupAsync(vaultId, "Family", [bob, cyd]);

        Assert.Equal([ada.ToString(), bob.ToString()], await WalkAsync(client, $"/vaults/{vaultId}/contacts"));
        Assert.Equal([cyd.ToString()], await WalkAsync(client, $"/vaults/{vaultId}/contacts?archived=true"));
        Assert.Equal([ada.ToString()], await WalkAsync(client, $"/vaults/{vaultId}/contacts?label={label}"));
        Assert.Equal([bob.ToString()], await WalkAsync(client, $"/vaults/{vaultId}/contacts?group={group}"));
        Assert.Equal([cyd.ToString()], await WalkAsync(client, $"/vaults/{vaultId}/contacts?group={group}&archived=true"));

        using var favourite = await client.PostFormAsync($"/vaults/{vaultId}/contacts/{bob}?handler=Favorite",
            new Dictionary<string, string> { ["favorite"] = "true" }, $"/vaults/{vaultId}/contacts/{bob}");
        Assert.Equal(HttpStatusCode.Redirect, favourite.StatusCode);
        Assert.Equal([bob.ToString()], await WalkAsync(client, $"/vaults/{vaultId}/contacts?favorites=true"));

        var other = await Kith.Tests.Infrastructure.Accounts.CreateInAccountAsync(factory, await factory.AccountOfAsync(user), Kith.Features.Accounts.AccountRole.Member);
        var otherId = await factory.IdOfAsync(other);
        await factory.QueryAsync(db =>
        {
            db.VaultMembers.Add(Kith.Features.Vaults.VaultMember.Grant(vaultId, otherId, Kith.Features.Vaults.VaultAccessLevel.Viewer, TimeProvider.System.GetUtcNow().UtcDateTime));
            return db.SaveChangesAsync();
        });
        using var otherClient = await TestUsers.SignedInClientAsync(factory, other);
        Assert.Empty(await WalkAsync(otherClient, $"/vaults/{vaultId}/contacts?favorites=true"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/vaults/{vaultId}/contacts?after=not-a-cursor")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/vaults/{vaultId}/contacts?sort=Bogus")).StatusCode);
    }

    [Fact]
    public async Task Search_finds_by_name_label_and_company_and_answers_as_json()
    {
        var (factory, client, vaultId, _, _) = await VaultAsync();
        await using var _f = factory;
        using var _c = client;
        var ada = await factory.AddContactAsync(vaultId, "Ada", "Lovelace");
        await factory.AddContactAsync(vaultId, "Bob", "Kahn");
        await factory.AddLabelAsync(vaultId, "Mathematicians", [ada]);
        Assert.Contains($"/contacts/{ada}", await client.GetHtmlAsync($"/vaults/{vaultId}/contacts/search?q=math"), StringComparison.Ordinal);
        var json = await client.GetHtmlAsync($"/vaults/{vaultId}/contacts/search?handler=Suggest&q=love");
        Assert.Contains(ada.ToString(), json, StringComparison.Ordinal);
        Assert.DoesNotContain("Kahn", json, StringComparison.Ordinal);
    }

    [GeneratedRegex("<li class=\"contact-row\">\\s*(?:<span class=\"avatar[^\"]*\"[^>]*>[^<]*</span>|<img class=\"avatar[^>]*>)\\s*<a href=\"/vaults/[0-9a-f-]+/contacts/([0-9a-f-]{36})\"")]
    private static partial Regex ContactLink();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("<a rel=\"prev\" href=\"([^\"]+)\"")]
    private static partial Regex PreviousLink();
}
