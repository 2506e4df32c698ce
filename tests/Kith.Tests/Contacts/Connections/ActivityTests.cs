using System.Net;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Activity;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Contacts.Connections;

public sealed class ActivityTests
{
    private const string Script = "<script>alert(1)</script>";

    private static Task<int> AddFeedAsync(KithFactory factory, Guid vaultId, Guid? contactId, Guid? userId, DateTime at, string action, string? detail) =>
        factory.QueryAsync(async db =>
        {
            db.FeedEntries.Add(FeedEntry.Record(vaultId, contactId, userId, at, action, detail));
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Every_feed_action_reads_as_a_sentence_with_its_detail_as_inert_text()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var ada = await world.ContactAsync("Ada");
        var userId = await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.AccountId == world.AccountId).Select(u => u.Id)));
        var actions = typeof(FeedActions).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        var start = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2);
        for (var i = 0; i < actions.Count; i++) await AddFeedAsync(factory, world.VaultId, ada, userId, start.AddMinutes(i), actions[i], Script + i);
        await AddFeedAsync(factory, world.VaultId, ada, Guid.NewGuid(), start.AddMinutes(-5), FeedActions.ContactCreated, null);

        var html = await world.HtmlAsync(world.ContactPage(ada, "Activity"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;0", html, StringComparison.Ordinal);
        var text = ConnectionsWorld.Text(html);
        foreach (var action in actions)
        {
            Assert.True(FeedText.KnownActions.Contains(action), $"{action} has no sentence");
            Assert.Contains("Robin Tester " + FeedText.Sentence(action), text, StringComparison.Ordinal);
        }
        Assert.Contains(FeedText.FormerUser + " created the contact", text, StringComparison.Ordinal);
        Assert.Contains(" ago ", text, StringComparison.Ordinal);

        var vaultHtml = await world.HtmlAsync($"/vaults/{world.VaultId}/activity");
        Assert.DoesNotContain("<script>alert", vaultHtml, StringComparison.Ordinal);
        Assert.Contains($"/vaults/{world.VaultId}/contacts/{ada}\">Ada</a>", vaultHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contact_feed_shows_the_latest_fifty_newest_first()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var ada = await world.ContactAsync("Ada");
        var start = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1);
        for (var i = 0; i < ContactActivityModule.Limit + 5; i++)
            await AddFeedAsync(factory, world.VaultId, ada, null, start.AddMinutes(i), FeedActions.ContactUpdated, $"step-{i:D3}");

        var html = await world.HtmlAsync(world.ContactPage(ada, "Activity"));
        Assert.DoesNotContain("step-004", html, StringComparison.Ordinal);
        Assert.Contains("step-005", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("step-054", StringComparison.Ordinal) < html.IndexOf("step-053", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_vault_feed_pages_by_keyset_and_shows_deleted_contacts_without_a_link()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var gone = await world.ContactAsync("Gone", c => c.DeletedAt = TimeProvider.System.GetUtcNow().UtcDateTime);
        var start = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1);
        var same = start.AddHours(1);
        for (var i = 0; i < Kith.Features.Vaults.Scoped.Activity.IndexModel.PageSize + 10; i++)
            await AddFeedAsync(factory, world.VaultId, gone, null, i < 20 ? same : start.AddMinutes(i), FeedActions.LabelAdded, $"entry-{i:D3}");
        await AddFeedAsync(factory, world.OtherVaultId, null, null, start, FeedActions.LabelAdded, "other-vault");

        var first = await world.HtmlAsync($"/vaults/{world.VaultId}/activity");
        Assert.Contains("Gone (deleted)", ConnectionsWorld.Text(first), StringComparison.Ordinal);
        Assert.DoesNotContain($"contacts/{gone}", first, StringComparison.Ordinal);
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]*activity\\?[^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(next);
        var second = await world.HtmlAsync(WebUtility.HtmlDecode(next));
        var all = string.Join("\n", first, second);
        for (var i = 0; i < Kith.Features.Vaults.Scoped.Activity.IndexModel.PageSize + 10; i++)
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, $"entry-{i:D3}<"));
        Assert.DoesNotContain("other-vault", all, StringComparison.Ordinal);

        using var bad = await world.Client.GetAsync($"/vaults/{world.VaultId}/activity?at=-5&id={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
