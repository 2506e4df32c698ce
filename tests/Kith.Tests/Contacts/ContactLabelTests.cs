using System.Net;
using Kith.Features.Contacts;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kith.Tests.Contacts.ModuleWorld;

namespace Kith.Tests.Contacts;

public sealed class ContactLabelTests
{
    private static Task<Guid> LabelAsync(ModuleWorld w, Guid vaultId, string name, string colour = "teal") =>
        w.Factory.AddRowAsync(Label.Create(vaultId, name, colour), l => l.Id);

    private static Task<int> LinksAsync(ModuleWorld w) => w.Factory.QueryAsync(db => db.ContactLabels.CountAsync());

    [Fact]
    public async Task An_editor_adds_a_vault_label_to_a_contact_and_removes_it_with_feed_entries_and_search()
    {
        await using var w = await CreateAsync();
        var label = await LabelAsync(w, w.VaultId, "Book club <script>alert(1)</script>");

        using var added = await w.Client.PostFormAsync(w.Path("labels") + $"?handler=Add&labelId={label}", Form(), w.Path("labels"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(1, await LinksAsync(w));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.LabelAdded));
        var page = await w.Client.GetHtmlAsync(w.ContactPage);
        Assert.Contains("class=\"label label-teal\">Book club &lt;script&gt;alert(1)&lt;/script&gt;<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace", await w.Client.GetHtmlAsync($"/vaults/{w.VaultId}/contacts/search?q=book"), StringComparison.Ordinal);

        using var twice = await w.Client.PostFormAsync(w.Path("labels") + $"?handler=Add&labelId={label}", Form(), w.Path("labels"));
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(1, await LinksAsync(w));

        using var removed = await w.Client.PostFormAsync(w.Path("labels") + $"?handler=Remove&labelId={label}", Form(), w.Path("labels"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await LinksAsync(w));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.LabelRemoved));
        Assert.DoesNotContain("Ada Lovelace", await w.Client.GetHtmlAsync($"/vaults/{w.VaultId}/contacts/search?q=book"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_of_another_vault_or_a_contact_of_another_vault_is_not_found_and_a_viewer_is_refused()
    {
        await using var w = await CreateAsync();
        var mine = await LabelAsync(w, w.VaultId, "Mine");
        var theirs = await LabelAsync(w, w.OtherVaultId, "Theirs");

        using var foreignLabel = await w.Client.PostFormAsync(w.Path("labels") + $"?handler=Add&labelId={theirs}", Form(), w.Path("labels"));
        Assert.Equal(HttpStatusCode.NotFound, foreignLabel.StatusCode);
        using var foreignContact = await w.Client.PostFormAsync($"/vaults/{w.VaultId}/contacts/{w.OtherContactId}/labels?handler=Add&labelId={mine}", Form(), w.Path("labels"));
        Assert.Equal(HttpStatusCode.NotFound, foreignContact.StatusCode);
        using var notOnContact = await w.Client.PostFormAsync(w.Path("labels") + $"?handler=Remove&labelId={mine}", Form(), w.Path("labels"));
        Assert.Equal(HttpStatusCode.Redirect, notOnContact.StatusCode);
        Assert.Equal(0, await w.FeedCountAsync(FeedActions.LabelRemoved));

        Assert.Equal(HttpStatusCode.Forbidden, (await w.Viewer.GetAsync(w.Path("labels"))).StatusCode);
        using var byViewer = await w.Viewer.PostFormAsync(w.Path("labels") + $"?handler=Add&labelId={mine}", Form(), w.ContactPage);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(0, await LinksAsync(w));
        Assert.Equal(0, await w.FeedCountAsync(FeedActions.LabelAdded));
    }

    [Fact]
    public async Task The_stylesheet_has_a_class_for_every_label_colour()
    {
        await using var w = await CreateAsync();
        var css = await w.Client.GetHtmlAsync("/css/site.css");
        foreach (var colour in LabelColours.All)
            Assert.Contains($".label-{colour} {{", css, StringComparison.Ordinal);
    }
}
