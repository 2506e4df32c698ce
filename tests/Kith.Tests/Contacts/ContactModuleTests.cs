using System.Net;
using System.Text.RegularExpressions;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Contacts;

public sealed partial class ContactModuleTests
{
    private sealed record World(KithFactory Factory, KithClient Client, Guid AccountId, Guid VaultId, Guid ContactId) : IAsyncDisposable
    {
        public string Path(string module) => $"/vaults/{VaultId}/contacts/{ContactId}/{module}";

        public Task<int> FeedCountAsync(string action) =>
            Factory.QueryAsync(db => db.FeedEntries.CountAsync(e => e.ContactId == ContactId && e.Action == action));

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Factory.DisposeAsync();
        }
    }

    private static async Task<World> WorldAsync()
    {
        var factory = new KithFactory();
        var user = await TestUsers.CreateAsync(factory);
        var accountId = await factory.AccountOfAsync(user);
        var vaultId = await factory.FirstVaultAsync(accountId);
        var contactId = await factory.AddContactAsync(vaultId, "Ada", "Lovelace");
        return new World(factory, await TestUsers.SignedInClientAsync(factory, user), accountId, vaultId, contactId);
    }

    private static Dictionary<string, string> Form(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public async Task Contact_information_is_added_linked_safely_and_removed()
    {
        await using var w = await WorldAsync();
        var email = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.ContactInformationType, "Email", scheme: LinkScheme.Email);
        var web = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.ContactInformationType, "Website", scheme: LinkScheme.Web);

        using var added = await w.Client.PostFormAsync(w.Path("contact-information"), Form(("Input.TypeId", email.ToString()), ("Input.Kind", "Home"), ("Input.Value", "ada@example.org"), ("Input.IsPreferred", "true")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using var second = await w.Client.PostFormAsync(w.Path("contact-information"), Form(("Input.TypeId", email.ToString()), ("Input.Kind", "Work"), ("Input.Value", "ada@work.example"), ("Input.IsPreferred", "true")));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        using var site = await w.Client.PostFormAsync(w.Path("contact-information"), Form(("Input.TypeId", web.ToString()), ("Input.Kind", "Other"), ("Input.Value", "http://ada.example")));
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);

        var preferred = await w.Factory.QueryAsync(db => db.ContactInformation.Where(i => i.ContactId == w.ContactId && i.IsPreferred).Select(i => i.Value).ToListAsync());
        Assert.Equal(["ada@work.example"], preferred);
        Assert.Equal(3, await w.FeedCountAsync(FeedActions.ContactInformationAdded));

        var page = await w.Client.GetHtmlAsync($"/vaults/{w.VaultId}/contacts/{w.ContactId}");
        Assert.Contains("href=\"mailto:ada@example.org\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://ada.example/\"", page, StringComparison.Ordinal);
        AssertOnlySafeLinks(page);

        var id = await w.Factory.QueryAsync(db => db.ContactInformation.Where(i => i.Value == "ada@example.org").Select(i => i.Id).SingleAsync());
        using var removed = await w.Client.PostFormAsync(w.Path("contact-information") + $"?handler=Delete&id={id}", Form(), w.Path("contact-information"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(2, await w.Factory.QueryAsync(db => db.ContactInformation.CountAsync(i => i.ContactId == w.ContactId)));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.ContactInformationRemoved));
    }

    [Theory]
    [InlineData(LinkScheme.Web, "JaVaScRiPt:alert(1)")]
    [InlineData(LinkScheme.Web, " javascript:alert(1)")]
    [InlineData(LinkScheme.Web, "data:text/html,<script>alert(1)</script>")]
    [InlineData(LinkScheme.Email, "javascript:alert(1)")]
    [InlineData(LinkScheme.Phone, "tel-me maybe")]
    [InlineData(LinkScheme.None, "line\nbreak")]
    public async Task Unsafe_contact_information_is_refused_and_nothing_is_saved(LinkScheme scheme, string value)
    {
        await using var w = await WorldAsync();
        var type = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.ContactInformationType, "Kind", scheme: scheme);
        using var response = await w.Client.PostFormAsync(w.Path("contact-information"), Form(("Input.TypeId", type.ToString()), ("Input.Kind", "Home"), ("Input.Value", value)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("field-error", await KithClient.BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await w.Factory.QueryAsync(db => db.ContactInformation.CountAsync()));
        Assert.Equal(0, await w.FeedCountAsync(FeedActions.ContactInformationAdded));
    }

    [Fact]
    public async Task Over_long_values_and_types_of_another_account_are_refused()
    {
        await using var w = await WorldAsync();
        var mine = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.ContactInformationType, "Other");
        var other = await TestUsers.CreateAsync(w.Factory, name: "Otto Other");
        var theirs = await w.Factory.AddItemAsync(await w.Factory.AccountOfAsync(other), PersonalizationKind.ContactInformationType, "Theirs");
        var wrongKind = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.PetCategory, "Cat");

        using var tooLong = await w.Client.PostFormAsync(w.Path("contact-information"), Form(("Input.TypeId", mine.ToString()), ("Input.Kind", "Home"), ("Input.Value", new string('a', ModuleLengths.ContactInformationValue + 1))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        using var foreign = await w.Client.PostFormAsync(w.Path("contact-information"), Form(("Input.TypeId", theirs.ToString()), ("Input.Kind", "Home"), ("Input.Value", "x")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        using var kind = await w.Client.PostFormAsync(w.Path("contact-information"), Form(("Input.TypeId", wrongKind.ToString()), ("Input.Kind", "Home"), ("Input.Value", "x")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, kind.StatusCode);
        using var petOfOther = await w.Client.PostFormAsync(w.Path("pets"), Form(("Input.CategoryId", theirs.ToString()), ("Input.Name", "Tom")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, petOfOther.StatusCode);
        Assert.Equal(0, await w.Factory.QueryAsync(db => db.ContactInformation.CountAsync()) + await w.Factory.QueryAsync(db => db.Pets.CountAsync()));
    }

    [Fact]
    public async Task An_unsafe_value_already_in_the_database_is_shown_as_text_never_as_a_link()
    {
        await using var w = await WorldAsync();
        var web = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.ContactInformationType, "Website", scheme: LinkScheme.Web);
        await w.Factory.AddRowAsync(ContactInformation.Create(w.ContactId, web, ContactInformationKind.Other, "javascript:alert(1)", false), i => i.Id);
        await w.Factory.AddRowAsync(ContactInformation.Create(w.ContactId, web, ContactInformationKind.Other, "data:text/html,hi", false), i => i.Id);

        var page = await w.Client.GetHtmlAsync($"/vaults/{w.VaultId}/contacts/{w.ContactId}");
        Assert.Contains("javascript:alert(1)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", page, StringComparison.OrdinalIgnoreCase);
        AssertOnlySafeLinks(page);
    }

    [Fact]
    public async Task Important_dates_are_validated_aged_and_removed()
    {
        await using var w = await WorldAsync();
        var birthday = await w.Factory.AddDateTypeAsync(w.VaultId, "Birthday", ImportantDateKind.Birthday, position: 0);

        foreach (var (day, month, year) in new[] { ("31", "2", "1990"), ("1", "13", ""), ("5", "", "1990"), ("x", "1", "") })
        {
            using var bad = await w.Client.PostFormAsync(w.Path("dates"), Form(("Input.TypeId", birthday.ToString()), ("Input.Day", day), ("Input.Month", month), ("Input.Year", year)));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        }
        Assert.Equal(0, await w.Factory.QueryAsync(db => db.ImportantDates.CountAsync()));

        var otherVaultType = await w.Factory.AddDateTypeAsync(await w.Factory.FirstVaultAsync(await w.Factory.AccountOfAsync(await TestUsers.CreateAsync(w.Factory, name: "Otto Other"))), "Theirs");
        using var foreign = await w.Client.PostFormAsync(w.Path("dates"), Form(("Input.TypeId", otherVaultType.ToString()), ("Input.Year", "1990")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);

        using var good = await w.Client.PostFormAsync(w.Path("dates"), Form(("Input.TypeId", birthday.ToString()), ("Input.Day", "10"), ("Input.Month", "12"), ("Input.Year", "1815")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.ImportantDateAdded));
        var page = await w.Client.GetHtmlAsync($"/vaults/{w.VaultId}/contacts/{w.ContactId}");
        Assert.Matches(AgePattern(), page);

        var id = await w.Factory.QueryAsync(db => db.ImportantDates.Select(d => d.Id).SingleAsync());
        using var removed = await w.Client.PostFormAsync(w.Path("dates") + $"?handler=Delete&id={id}", Form(), w.Path("dates"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await w.Factory.QueryAsync(db => db.ImportantDates.CountAsync()));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.ImportantDateRemoved));
    }

    [Fact]
    public async Task Pets_are_added_renamed_and_removed_and_rows_of_another_contact_are_404()
    {
        await using var w = await WorldAsync();
        var cat = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.PetCategory, "Cat");
        using var added = await w.Client.PostFormAsync(w.Path("pets"), Form(("Input.CategoryId", cat.ToString()), ("Input.Name", "Tom")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await w.Factory.QueryAsync(db => db.Pets.Select(p => p.Id).SingleAsync());

        using var renamed = await w.Client.PostFormAsync(w.Path("pets") + $"?handler=Edit&id={id}", Form(("Input.CategoryId", cat.ToString()), ("Input.Name", "Thomas")), w.Path("pets"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Thomas", await w.Client.GetHtmlAsync($"/vaults/{w.VaultId}/contacts/{w.ContactId}"), StringComparison.Ordinal);

        var sibling = await w.Factory.AddContactAsync(w.VaultId, "Byron");
        using var wrongContact = await w.Client.PostFormAsync($"/vaults/{w.VaultId}/contacts/{sibling}/pets?handler=Delete&id={id}", Form(), w.Path("pets"));
        Assert.Equal(HttpStatusCode.NotFound, wrongContact.StatusCode);
        Assert.Equal(1, await w.Factory.QueryAsync(db => db.Pets.CountAsync()));

        using var removed = await w.Client.PostFormAsync(w.Path("pets") + $"?handler=Delete&id={id}", Form(), w.Path("pets"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await w.Factory.QueryAsync(db => db.Pets.CountAsync()));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.PetAdded));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.PetUpdated));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.PetRemoved));
    }

    /// <summary>Every href on the page is a path of the app or a mailto:/tel:/https: link.</summary>
    private static void AssertOnlySafeLinks(string html)
    {
        foreach (Match match in HrefPattern().Matches(html))
        {
            var href = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
            Assert.True(href.StartsWith('/') || href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.Ordinal)
                || href.StartsWith("tel:", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal), href);
        }
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"aged \d+|turns \d+")]
    private static partial Regex AgePattern();
}
