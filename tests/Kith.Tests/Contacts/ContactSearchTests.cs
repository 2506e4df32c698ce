using System.Net;
using System.Text.Json;
using Kith.Features.Contacts;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Contacts;

public sealed class ContactSearchTests
{
    private sealed record Suggestion(Guid Id, string Name);

    [Fact]
    public async Task Finds_contacts_by_the_start_of_any_name_email_phone_or_company_word_ignoring_case_and_accents()
    {
        await using var factory = new KithFactory();
        var user = await TestUsers.CreateAsync(factory);
        var vaultId = await factory.FirstVaultAsync(await factory.AccountOfAsync(user));
        var emile = await factory.AddContactAsync(vaultId, "Émile", "Zola", c => c.Nickname = "Mimi");
        var ada = await factory.AddContactAsync(vaultId, "Ada", "Lovelace");
        await factory.AddContactAsync(vaultId, "Adam", "Smith");
        var typeId = await factory.AddItemAsync(await factory.AccountOfAsync(user), Kith.Features.Personalization.PersonalizationKind.ContactInformationType, "Phone");
        await factory.QueryAsync(async db =>
        {
            db.ContactInformation.Add(ContactInformation.Create(ada, typeId, ContactInformationKind.Home, "+44 20 7946 0958", true));
            db.ContactInformation.Add(ContactInformation.Create(ada, typeId, ContactInformationKind.Work, "ada@analytical.example", false));
            var company = Company.Create(vaultId, "Analytical Engines Ltd");
            db.Companies.Add(company);
            var contact = await db.Contacts.FindAsync(emile);
            contact!.CompanyId = company.Id;
            return await db.SaveChangesAsync();
        });
        using var client = await TestUsers.SignedInClientAsync(factory, user);

        Assert.Equal([emile], await SearchAsync(client, vaultId, "emi"));
        Assert.Equal([emile], await SearchAsync(client, vaultId, "ÉMILE z"));
        Assert.Equal([emile], await SearchAsync(client, vaultId, "mimi"));
        Assert.Equal([ada], await SearchAsync(client, vaultId, "ada@ana"));
        Assert.Equal([ada], await SearchAsync(client, vaultId, "20794"));
        Assert.Equal([ada], await SearchAsync(client, vaultId, "lovel ada"));
        Assert.Equal(2, (await SearchAsync(client, vaultId, "ada")).Count);
        Assert.Equal([emile], await SearchAsync(client, vaultId, "analytical engines"));
        Assert.Empty(await SearchAsync(client, vaultId, "zzz"));
    }

    [Fact]
    public async Task Terms_follow_every_change_and_deleted_or_foreign_contacts_are_never_found()
    {
        await using var factory = new KithFactory();
        var user = await TestUsers.CreateAsync(factory);
        var other = await TestUsers.CreateAsync(factory);
        var vaultId = await factory.FirstVaultAsync(await factory.AccountOfAsync(user));
        var otherVault = await factory.FirstVaultAsync(await factory.AccountOfAsync(other));
        var grace = await factory.AddContactAsync(vaultId, "Grace", "Hopper");
        await factory.AddContactAsync(otherVault, "Grace", "Foreign");
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        Assert.Equal([grace], await SearchAsync(client, vaultId, "grace"));

        await factory.QueryAsync(async db =>
        {
            var contact = await db.Contacts.FindAsync(grace);
            contact!.LastName = "Murray";
            contact.Touch(TimeProvider.System.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await SearchAsync(client, vaultId, "hopper"));
        Assert.Equal([grace], await SearchAsync(client, vaultId, "murr"));

        await factory.QueryAsync(async db =>
        {
            var contact = await db.Contacts.FindAsync(grace);
            contact!.DeletedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await SearchAsync(client, vaultId, "grace"));
    }

    [Fact]
    public async Task An_over_long_query_is_refused()
    {
        await using var factory = new KithFactory();
        var user = await TestUsers.CreateAsync(factory);
        var vaultId = await factory.FirstVaultAsync(await factory.AccountOfAsync(user));
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        using var response = await client.GetAsync($"/vaults/{vaultId}/contacts/picker?q={new string('a', SearchLengths.Query + 1)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("zoe", "zof")]
    [InlineData("\uD7FF", "\uE000")]
    public void The_upper_bound_of_a_prefix_is_the_next_string_in_byte_order(string prefix, string expected) =>
        Assert.Equal(expected, ContactSearchIndex.UpperBound(prefix));

    private static async Task<List<Guid>> SearchAsync(KithClient client, Guid vaultId, string query)
    {
        using var response = await client.GetAsync($"/vaults/{vaultId}/contacts/picker?q={Uri.EscapeDataString(query)}");
        var body = await KithClient.BodyAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var suggestions = JsonSerializer.Deserialize<List<Suggestion>>(body, JsonSerializerOptions.Web)!;
        return suggestions.Select(s => s.Id).ToList();
    }
}
