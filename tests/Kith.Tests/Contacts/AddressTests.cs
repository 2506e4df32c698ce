using System.Net;
using System.Text.RegularExpressions;
using Kith.Features.Account;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Addresses;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kith.Tests.Contacts.ModuleWorld;

namespace Kith.Tests.Contacts;

public sealed partial class AddressTests
{
    private static Dictionary<string, string> Address(string? typeId = null, string line1 = "", string city = "", string postalCode = "", string country = "", bool past = false)
    {
        var form = Form(("Input.Line1", line1), ("Input.City", city), ("Input.PostalCode", postalCode), ("Input.Country", country), ("Input.TypeId", typeId ?? ""));
        if (past) form["Input.IsPast"] = "true";
        return form;
    }

    private static Task<int> AddressCountAsync(ModuleWorld w) => w.Factory.QueryAsync(db => db.Addresses.CountAsync());

    [Fact]
    public async Task An_address_is_added_with_its_type_shown_encoded_and_opened_in_the_users_map_service()
    {
        await using var w = await CreateAsync();
        var home = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.AddressType, "Home");
        using var added = await w.Client.PostFormAsync(w.Path("addresses"), Address(home.ToString(), "1 Rue <script>alert(1)</script> & Co", "Paris", "75001", "France"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.AddressAdded));

        var page = await w.Client.GetHtmlAsync(w.ContactPage);
        Assert.Contains("1 Rue &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co, 75001 Paris, France", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", page, StringComparison.Ordinal);
        Assert.Contains(">Home<", page, StringComparison.Ordinal);
        var query = Uri.EscapeDataString("1 Rue <script>alert(1)</script> & Co, 75001 Paris, France");
        Assert.Equal($"https://www.openstreetmap.org/search?query={query}", MapLink(page));
        Assert.Contains("rel=\"noopener noreferrer\"", page, StringComparison.Ordinal);

        await w.Factory.QueryAsync(db => db.Users.Where(u => u.AccountId == w.AccountId).ExecuteUpdateAsync(u => u.SetProperty(x => x.MapProvider, MapProvider.Google)));
        Assert.Equal($"https://www.google.com/maps/search/?api=1&query={query}", MapLink(await w.Client.GetHtmlAsync(w.ContactPage)));
    }

    [Fact]
    public async Task Refused_addresses_store_nothing_and_a_refused_edit_keeps_what_was_typed()
    {
        await using var w = await CreateAsync();
        var theirType = await w.Factory.AddItemAsync(w.OtherAccountId, PersonalizationKind.AddressType, "Theirs");
        var petCategory = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.PetCategory, "Cat");
        foreach (var form in new[]
        {
            Address(), Address(line1: "   "), Address(city: new string('c', ConnectionLengths.City + 1)), Address(postalCode: new string('9', ConnectionLengths.PostalCode + 1)),
            Address(city: "Paris\nLyon"), Address(theirType.ToString(), city: "Paris"), Address(petCategory.ToString(), city: "Paris"),
        })
        {
            using var refused = await w.Client.PostFormAsync(w.Path("addresses"), form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("field-error", await KithClient.BodyAsync(refused), StringComparison.Ordinal);
        }
        Assert.Equal(0, await AddressCountAsync(w));

        using var added = await w.Client.PostFormAsync(w.Path("addresses"), Address(city: "Paris"));
        var id = await w.Factory.QueryAsync(db => db.Addresses.Select(a => a.Id).SingleAsync());
        using var badEdit = await w.Client.PostFormAsync(w.Path("addresses") + $"?handler=Edit&id={id}",
            Address(line1: "2 Typed Street", city: "Lyon", postalCode: new string('9', ConnectionLengths.PostalCode + 1)), w.Path("addresses"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEdit.StatusCode);
        var body = await KithClient.BodyAsync(badEdit);
        Assert.Contains($"id=\"{id}-Line1\" name=\"Input.Line1\" value=\"2 Typed Street\"", body, StringComparison.Ordinal);
        Assert.Contains("id=\"new-Line1\" name=\"Input.Line1\" maxlength", body, StringComparison.Ordinal);
        Assert.Equal("Paris", await w.Factory.QueryAsync(db => db.Addresses.Select(a => a.City).SingleAsync()));
        Assert.Equal(0, await w.FeedCountAsync(FeedActions.AddressUpdated));

        using var edited = await w.Client.PostFormAsync(w.Path("addresses") + $"?handler=Edit&id={id}", Address(city: "Lyon", past: true), w.Path("addresses"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.True(await w.Factory.QueryAsync(db => db.ContactAddresses.Select(a => a.IsPast).SingleAsync()));
        Assert.Contains("(past address)", await w.Client.GetHtmlAsync(w.ContactPage), StringComparison.Ordinal);
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.AddressUpdated));
    }

    [Fact]
    public async Task An_address_is_shared_through_a_capped_vault_search_and_deleted_with_its_last_contact()
    {
        await using var w = await CreateAsync();
        var bea = await w.Factory.AddContactAsync(w.VaultId, "Bea");
        var beaPath = $"/vaults/{w.VaultId}/contacts/{bea}/addresses";
        using var added = await w.Client.PostFormAsync(w.Path("addresses"), Address(line1: "12 Shared Lane", city: "Bath"));
        var shared = await w.Factory.QueryAsync(db => db.Addresses.Select(a => a.Id).SingleAsync());
        var theirs = await w.Factory.AddRowAsync(Kith.Features.Contacts.Address.Create(w.OtherVaultId), a => a.Id);
        await w.Factory.QueryAsync(db => db.Addresses.Where(a => a.Id == theirs).ExecuteUpdateAsync(a => a.SetProperty(x => x.City, "Bath")));
        for (var i = 0; i < ContactAddresses.SearchLimit + 3; i++)
            await w.Factory.AddRowAsync(Kith.Features.Contacts.Address.Create(w.VaultId), a => a.Id);
        await w.Factory.QueryAsync(db => db.Addresses.Where(a => a.VaultId == w.VaultId && a.City == null).ExecuteUpdateAsync(a => a.SetProperty(x => x.City, "Wells")));

        var search = await w.Client.GetHtmlAsync(beaPath + "?q=BATH");
        Assert.Contains($"addressId={shared}", search, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), search, StringComparison.Ordinal);
        Assert.Equal(ContactAddresses.SearchLimit, AttachPattern().Count(await w.Client.GetHtmlAsync(beaPath + "?q=wel")));

        using var foreign = await w.Client.PostFormAsync(beaPath + $"?handler=Attach&addressId={theirs}", Form(), beaPath);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using var attached = await w.Client.PostFormAsync(beaPath + $"?handler=Attach&addressId={shared}", Form(("isPast", "true")), beaPath);
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        Assert.True(await w.Factory.QueryAsync(db => db.ContactAddresses.Where(a => a.ContactId == bea).Select(a => a.IsPast).SingleAsync()));
        Assert.Contains("12 Shared Lane", await w.Client.GetHtmlAsync($"/vaults/{w.VaultId}/contacts/{bea}"), StringComparison.Ordinal);

        using var firstDetach = await w.Client.PostFormAsync(w.Path("addresses") + $"?handler=Detach&id={shared}", Form(), w.Path("addresses"));
        Assert.Equal(HttpStatusCode.Redirect, firstDetach.StatusCode);
        Assert.True(await w.Factory.QueryAsync(db => db.Addresses.AnyAsync(a => a.Id == shared)));
        using var lastDetach = await w.Client.PostFormAsync(beaPath + $"?handler=Detach&id={shared}", Form(), beaPath);
        Assert.Equal(HttpStatusCode.Redirect, lastDetach.StatusCode);
        Assert.False(await w.Factory.QueryAsync(db => db.Addresses.AnyAsync(a => a.Id == shared)));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.AddressRemoved));
    }

    [Fact]
    public async Task Addresses_of_another_contact_or_vault_are_not_found_and_a_viewer_is_refused()
    {
        await using var w = await CreateAsync();
        using var added = await w.Client.PostFormAsync(w.Path("addresses"), Address(city: "Paris"));
        var mine = await w.Factory.QueryAsync(db => db.Addresses.Select(a => a.Id).SingleAsync());
        var bea = await w.Factory.AddContactAsync(w.VaultId, "Bea");
        var beaPath = $"/vaults/{w.VaultId}/contacts/{bea}/addresses";

        using var notHers = await w.Client.PostFormAsync(beaPath + $"?handler=Edit&id={mine}", Address(city: "Rome"), beaPath);
        Assert.Equal(HttpStatusCode.NotFound, notHers.StatusCode);
        using var notHersDetach = await w.Client.PostFormAsync(beaPath + $"?handler=Detach&id={mine}", Form(), beaPath);
        Assert.Equal(HttpStatusCode.NotFound, notHersDetach.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Client.GetAsync($"/vaults/{w.VaultId}/contacts/{w.OtherContactId}/addresses")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await w.Viewer.GetAsync(w.Path("addresses"))).StatusCode);
        using var byViewer = await w.Viewer.PostFormAsync(w.Path("addresses") + $"?handler=Detach&id={mine}", Form(), w.ContactPage);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal("Paris", await w.Factory.QueryAsync(db => db.Addresses.Select(a => a.City).SingleAsync()));
        Assert.Equal(1, await w.Factory.QueryAsync(db => db.ContactAddresses.CountAsync()));
    }

    private static string MapLink(string html) => System.Net.WebUtility.HtmlDecode(MapPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("href=\"(https://www\\.(?:openstreetmap\\.org|google\\.com)/[^\"]*)\" target=\"_blank\"")]
    private static partial Regex MapPattern();

    [GeneratedRegex("addressId=[0-9a-f-]{36}")]
    private static partial Regex AttachPattern();
}
