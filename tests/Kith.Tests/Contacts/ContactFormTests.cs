using System.Net;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Contacts;

public sealed class ContactFormTests
{
    private static Dictionary<string, string> Everything(Guid gender, Guid pronoun, Guid religion, Guid metThrough) => new()
    {
        ["Input.Prefix"] = "Dr",
        ["Input.FirstName"] = "Ada",
        ["Input.MiddleName"] = "Augusta",
        ["Input.LastName"] = "Lovelace",
        ["Input.Suffix"] = "Jr",
        ["Input.Nickname"] = "Countess",
        ["Input.MaidenName"] = "Byron",
        ["Input.GenderId"] = gender.ToString(),
        ["Input.PronounId"] = pronoun.ToString(),
        ["Input.ReligionId"] = religion.ToString(),
        ["Input.Description"] = "Wrote the first program.",
        ["Input.MetDay"] = "10",
        ["Input.MetMonth"] = "12",
        ["Input.MetYear"] = "1833",
        ["Input.MetWhere"] = "A party",
        ["Input.MetThrough.SelectedId"] = metThrough.ToString(),
        ["Input.MetNotes"] = "Talked about engines.",
        ["Input.FoodPreferences"] = "Tea",
        ["Input.JobPosition"] = "Mathematician",
        ["Input.CompanyName"] = "Analytical Engines Ltd",
    };

    private static async Task<(KithFactory Factory, KithClient Client, Guid VaultId, Guid AccountId)> EditorAsync()
    {
        var factory = new KithFactory();
        var user = await TestUsers.CreateAsync(factory);
        var accountId = await factory.AccountOfAsync(user);
        var vaultId = await factory.FirstVaultAsync(accountId);
        return (factory, await TestUsers.SignedInClientAsync(factory, user), vaultId, accountId);
    }

    [Fact]
    public async Task Creating_and_editing_a_contact_saves_every_field_and_records_the_feed()
    {
        var (factory, client, vaultId, accountId) = await EditorAsync();
        await using var _ = factory;
        using var __ = client;
        var gender = await factory.AddItemAsync(accountId, PersonalizationKind.Gender, "Woman");
        var pronoun = await factory.AddItemAsync(accountId, PersonalizationKind.Pronoun, "she/her");
        var religion = await factory.AddItemAsync(accountId, PersonalizationKind.Religion, "None");
        var charles = await factory.AddContactAsync(vaultId, "Charles", "Babbage");

        using var created = await client.PostFormAsync($"/vaults/{vaultId}/contacts/new", Everything(gender, pronoun, religion, charles));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var contact = (await factory.ContactAsync(id))!;
        Assert.Equal(("Dr", "Ada", "Augusta", "Lovelace", "Jr", "Countess", "Byron"),
            (contact.Prefix, contact.FirstName, contact.MiddleName, contact.LastName, contact.Suffix, contact.Nickname, contact.MaidenName));
        Assert.Equal((gender, pronoun, religion), (contact.GenderId!.Value, contact.PronounId!.Value, contact.ReligionId!.Value));
        Assert.Equal(new PartialDate { Day = 10, Month = 12, Year = 1833 }, contact.MetOn);
        Assert.Equal(("A party", charles, "Talked about engines.", "Tea", "Mathematician", "Wrote the first program."),
            (contact.MetWhere, contact.MetThroughContactId!.Value, contact.MetNotes, contact.FoodPreferences, contact.JobPosition, contact.Description));
        var company = await factory.QueryAsync(db => db.Companies.SingleAsync(c => c.Id == contact.CompanyId));
        Assert.Equal("Analytical Engines Ltd", company.Name);

        var page = await client.GetHtmlAsync($"/vaults/{vaultId}/contacts/{id}");
        foreach (var text in new[] { "Ada Lovelace", "Dr Ada Augusta Lovelace Jr", "Countess", "Byron", "Woman", "she/her", "Charles Babbage", "A party", "Tea", "Mathematician", $"/vaults/{vaultId}/companies/{company.Id}" })
            Assert.Contains(text, page, StringComparison.Ordinal);

        var edit = Everything(gender, pronoun, religion, charles);
        edit["Input.LastName"] = "King";
        edit["Input.CompanyName"] = "Analytical Engines Ltd";
        edit["Input.JobPosition"] = "Countess of Lovelace";
        using var edited = await client.PostFormAsync($"/vaults/{vaultId}/contacts/{id}/edit", edit);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("King", (await factory.ContactAsync(id))!.LastName);
        Assert.Equal(company.Id, (await factory.ContactAsync(id))!.CompanyId);
        var feed = await factory.QueryAsync(db => db.FeedEntries.Where(e => e.ContactId == id).OrderBy(e => e.OccurredAt).Select(e => new { e.Action, e.Detail }).ToListAsync());
        Assert.Equal(["contact.created:", "contact.updated:name, job position"], feed.Select(e => e.Action + ":" + e.Detail));
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { "Input.MetDay", "31" },
        { "Input.FirstName", "" },
        { "Input.LastName", new string('x', ContactLengths.Name + 1) },
        { "Input.Description", new string('x', ContactLengths.Description + 1) },
        { "Input.CompanyName", new string('x', Kith.Features.Contacts.VaultListLengths.Name + 1) },
        { "Input.Nickname", "two\nlines" },
        { "Input.MetMonth", "13" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_422_keeps_what_was_typed_and_writes_nothing(string field, string value)
    {
        var (factory, client, vaultId, _) = await EditorAsync();
        await using var __ = factory;
        using var ___ = client;
        var form = new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Grace",
            ["Input.LastName"] = "Hopper",
            ["Input.MetDay"] = "31",
            ["Input.MetMonth"] = "2",
            ["Input.Description"] = "Typed text to keep",
            ["Input.FoodPreferences"] = "Coffee, black",
        };
        if (field != "Input.MetDay") form["Input.MetMonth"] = "1";
        form[field] = value;

        using var response = await client.PostFormAsync($"/vaults/{vaultId}/contacts/new", form);
        var body = await KithClient.BodyAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Coffee, black", body, StringComparison.Ordinal);
        if (field != "Input.Description") Assert.Contains("Typed text to keep", body, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Contacts.CountAsync(c => c.VaultId == vaultId)));
        Assert.Equal(0, await factory.QueryAsync(db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task A_gender_of_another_account_or_of_another_kind_is_refused()
    {
        var (factory, client, vaultId, accountId) = await EditorAsync();
        await using var _ = factory;
        using var __ = client;
        var other = await TestUsers.CreateAsync(factory);
        var foreignGender = await factory.AddItemAsync(await factory.AccountOfAsync(other), PersonalizationKind.Gender, "Foreign");
        var religion = await factory.AddItemAsync(accountId, PersonalizationKind.Religion, "Own religion");
        foreach (var (field, id) in new[] { ("Input.GenderId", foreignGender), ("Input.PronounId", religion) })
        {
            using var response = await client.PostFormAsync($"/vaults/{vaultId}/contacts/new", new Dictionary<string, string> { ["Input.FirstName"] = "Alan", [field] = id.ToString() });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }
        Assert.Equal(0, await factory.QueryAsync(db => db.Contacts.CountAsync(c => c.VaultId == vaultId)));
    }

    [Fact]
    public async Task A_validation_error_on_edit_changes_nothing()
    {
        var (factory, client, vaultId, _) = await EditorAsync();
        await using var __ = factory;
        using var ___ = client;
        var id = await factory.AddContactAsync(vaultId, "Linus", "Torvalds");
        using var response = await client.PostFormAsync($"/vaults/{vaultId}/contacts/{id}/edit",
            new Dictionary<string, string> { ["Input.FirstName"] = "Changed", ["Input.MetDay"] = "30", ["Input.MetMonth"] = "2" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Changed", await KithClient.BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal("Linus", (await factory.ContactAsync(id))!.FirstName);
    }

    [Fact]
    public async Task A_viewer_cannot_create_or_edit_and_another_vaults_contact_is_not_found()
    {
        await using var factory = new KithFactory();
        var owner = await TestUsers.CreateAsync(factory);
        var accountId = await factory.AccountOfAsync(owner);
        var vaultId = await factory.FirstVaultAsync(accountId);
        var viewer = await Kith.Tests.Infrastructure.Accounts.CreateInAccountAsync(factory, accountId, Kith.Features.Accounts.AccountRole.Member);
        var viewerId = await factory.IdOfAsync(viewer);
        await factory.QueryAsync(db =>
        {
            db.VaultMembers.Add(Kith.Features.Vaults.VaultMember.Grant(vaultId, viewerId, Kith.Features.Vaults.VaultAccessLevel.Viewer, TimeProvider.System.GetUtcNow().UtcDateTime));
            return db.SaveChangesAsync();
        });
        var id = await factory.AddContactAsync(vaultId, "Edsger", "Dijkstra");
        using var viewerClient = await TestUsers.SignedInClientAsync(factory, viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync($"/vaults/{vaultId}/contacts/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync($"/vaults/{vaultId}/contacts/new")).StatusCode);

        var stranger = await TestUsers.CreateAsync(factory);
        var strangerVault = await factory.FirstVaultAsync(await factory.AccountOfAsync(stranger));
        using var strangerClient = await TestUsers.SignedInClientAsync(factory, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/vaults/{strangerVault}/contacts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/vaults/{strangerVault}/contacts/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/vaults/{vaultId}/contacts")).StatusCode);
    }
}
