using System.Net;
using Kith.Features.Contacts;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kith.Tests.Contacts.ModuleWorld;

namespace Kith.Tests.Contacts;

public sealed class QuickFactTests
{
    private static Task<Guid> TemplateAsync(ModuleWorld w, Guid vaultId, string name, int position) =>
        w.Factory.AddRowAsync(QuickFactTemplate.Create(vaultId, name, position), t => t.Id);

    private static Task<List<string>> ContentsAsync(ModuleWorld w) =>
        w.Factory.QueryAsync(db => db.QuickFacts.OrderBy(f => f.Content).Select(f => f.Content).ToListAsync());

    [Fact]
    public async Task Facts_are_added_edited_and_removed_and_shown_under_their_prompt_in_template_order()
    {
        await using var w = await CreateAsync();
        var food = await TemplateAsync(w, w.VaultId, "Favourite food", 2);
        var hobbies = await TemplateAsync(w, w.VaultId, "Hobbies", 1);

        foreach (var (template, content) in new[] { (food, "ramen"), (hobbies, "climbing"), (hobbies, "<b>chess</b>") })
        {
            using var added = await w.Client.PostFormAsync(w.Path("quick-facts"), Form(("Input.TemplateId", template.ToString()), ("Input.Content", content)));
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        Assert.Equal(3, await w.FeedCountAsync(FeedActions.QuickFactAdded));
        var page = await w.Client.GetHtmlAsync(w.ContactPage);
        var hobbiesAt = page.IndexOf("<dt>Hobbies</dt>", StringComparison.Ordinal);
        var foodAt = page.IndexOf("<dt>Favourite food</dt>", StringComparison.Ordinal);
        Assert.True(hobbiesAt > 0 && foodAt > hobbiesAt, "Hobbies (position 1) comes before Favourite food (position 2)");
        Assert.True(page.IndexOf("climbing", StringComparison.Ordinal) is var at && at > hobbiesAt && at < foodAt);
        Assert.Contains("&lt;b&gt;chess&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>chess", page, StringComparison.Ordinal);

        var id = await w.Factory.QueryAsync(db => db.QuickFacts.Where(f => f.Content == "ramen").Select(f => f.Id).SingleAsync());
        using var edited = await w.Client.PostFormAsync(w.Path("quick-facts") + $"?handler=Edit&id={id}", Form(("Input.Content", "udon")), w.Path("quick-facts"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.QuickFactUpdated));

        using var removed = await w.Client.PostFormAsync(w.Path("quick-facts") + $"?handler=Delete&id={id}", Form(), w.Path("quick-facts"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["<b>chess</b>", "climbing"], await ContentsAsync(w));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.QuickFactRemoved));
    }

    [Fact]
    public async Task Refused_answers_keep_what_was_typed_and_store_nothing()
    {
        await using var w = await CreateAsync();
        var hobbies = await TemplateAsync(w, w.VaultId, "Hobbies", 1);
        var theirs = await TemplateAsync(w, w.OtherVaultId, "Theirs", 1);

        foreach (var (template, content) in new[] { (hobbies, ""), (hobbies, new string('a', ModuleLengths.QuickFact + 1)), (hobbies, "two\nlines"), (theirs, "climbing") })
        {
            using var refused = await w.Client.PostFormAsync(w.Path("quick-facts"), Form(("Input.TemplateId", template.ToString()), ("Input.Content", content)));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("field-error", await KithClient.BodyAsync(refused), StringComparison.Ordinal);
        }
        Assert.Empty(await ContentsAsync(w));

        var id = await w.Factory.AddRowAsync(QuickFact.Create(w.ContactId, hobbies, "climbing"), f => f.Id);
        var tooLong = "typed-" + new string('b', ModuleLengths.QuickFact);
        using var badEdit = await w.Client.PostFormAsync(w.Path("quick-facts") + $"?handler=Edit&id={id}", Form(("Input.Content", tooLong)), w.Path("quick-facts"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEdit.StatusCode);
        var body = await KithClient.BodyAsync(badEdit);
        Assert.Contains($"value=\"{tooLong}\"", body, StringComparison.Ordinal);
        Assert.Equal(["climbing"], await ContentsAsync(w));
        Assert.Equal(0, await w.FeedCountAsync(FeedActions.QuickFactUpdated));
    }

    [Fact]
    public async Task Facts_of_another_vault_are_not_found_and_a_viewer_is_refused()
    {
        await using var w = await CreateAsync();
        var hobbies = await TemplateAsync(w, w.VaultId, "Hobbies", 1);
        var theirTemplate = await TemplateAsync(w, w.OtherVaultId, "Theirs", 1);
        var theirs = await w.Factory.AddRowAsync(QuickFact.Create(w.OtherContactId, theirTemplate, "secret"), f => f.Id);

        using var edit = await w.Client.PostFormAsync(w.Path("quick-facts") + $"?handler=Edit&id={theirs}", Form(("Input.Content", "mine now")), w.Path("quick-facts"));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        using var delete = await w.Client.PostFormAsync(w.Path("quick-facts") + $"?handler=Delete&id={theirs}", Form(), w.Path("quick-facts"));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Client.GetAsync($"/vaults/{w.VaultId}/contacts/{w.OtherContactId}/quick-facts")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await w.Viewer.GetAsync(w.Path("quick-facts"))).StatusCode);
        using var byViewer = await w.Viewer.PostFormAsync(w.Path("quick-facts"), Form(("Input.TemplateId", hobbies.ToString()), ("Input.Content", "x")), w.ContactPage);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(["secret"], await ContentsAsync(w));
    }
}
