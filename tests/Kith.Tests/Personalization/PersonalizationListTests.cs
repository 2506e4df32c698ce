using System.Net;
using Kith.Features.Accounts;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Personalization;

public sealed class PersonalizationListTests(KithFactory factory) : IClassFixture<KithFactory>
{
    [Fact]
    public async Task An_administrator_adds_renames_reorders_and_deletes_an_unused_entry()
    {
        using var admin = await Admin.CreateAsync(factory);
        const string list = "/settings/personalization/genders";

        using (var added = await admin.PostAsync(list + "?handler=Add", new() { ["Input.Name"] = " Two-spirit " }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("Two-spirit", (await factory.NamesAsync(admin.AccountId, PersonalizationKind.Gender))[^1]);
        var id = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.Gender, "Two-spirit");

        using (var renamed = await admin.PostAsync($"{list}?handler=Save&itemId={id}", new() { ["Input.Name"] = "Two spirit" }))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        using (var moved = await admin.PostAsync($"{list}?handler=Move&itemId={id}", new() { ["direction"] = "up" }))
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var names = await factory.NamesAsync(admin.AccountId, PersonalizationKind.Gender);
        Assert.Equal("Two spirit", names[^2]);
        Assert.Contains("Two spirit", await admin.Client.GetHtmlAsync(list), StringComparison.Ordinal);

        using (var deleted = await admin.PostAsync($"/settings/personalization/delete/{id}", []))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await factory.ItemAsync(id));
    }

    [Fact]
    public async Task Relationship_types_keep_a_reverse_name_and_contact_types_a_link_scheme()
    {
        using var admin = await Admin.CreateAsync(factory);
        using (var response = await admin.PostAsync("/settings/personalization/relationship-types?handler=Add", new() { ["Input.Name"] = "landlord", ["Input.ReverseName"] = "tenant" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var response = await admin.PostAsync("/settings/personalization/relationship-types?handler=Add", new() { ["Input.Name"] = "flatmate", ["Input.ReverseName"] = "" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var response = await admin.PostAsync("/settings/personalization/contact-information-types?handler=Add", new() { ["Input.Name"] = "Bluesky", ["Input.Scheme"] = "Web" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal("tenant", (await factory.ItemAsync(await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.RelationshipType, "landlord")))!.ReverseName);
        Assert.Equal("flatmate", (await factory.ItemAsync(await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.RelationshipType, "flatmate")))!.ReverseName);
        Assert.Equal(LinkScheme.Web, (await factory.ItemAsync(await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.ContactInformationType, "Bluesky")))!.Scheme);
    }

    [Fact]
    public async Task Group_types_have_their_own_roles()
    {
        using var admin = await Admin.CreateAsync(factory);
        var family = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.GroupType, "Family");
        using (var response = await admin.PostAsync($"/settings/personalization/group-roles/{family}?handler=Add", new() { ["Input.Name"] = "aunt" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("aunt", await factory.NamesAsync(admin.AccountId, PersonalizationKind.GroupRole, family));
        Assert.Contains("aunt", await admin.Client.GetHtmlAsync($"/settings/personalization/group-roles/{family}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("line\nbreak")]
    public async Task A_bad_name_is_refused_and_nothing_is_added(string name)
    {
        using var admin = await Admin.CreateAsync(factory);
        var before = await factory.NamesAsync(admin.AccountId, PersonalizationKind.Pronoun);
        using var response = await admin.PostAsync("/settings/personalization/pronouns?handler=Add", new() { ["Input.Name"] = name });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, await factory.NamesAsync(admin.AccountId, PersonalizationKind.Pronoun));
    }

    [Fact]
    public async Task A_too_long_name_is_refused()
    {
        using var admin = await Admin.CreateAsync(factory);
        using var response = await admin.PostAsync("/settings/personalization/pronouns?handler=Add", new() { ["Input.Name"] = new string('x', PersonalizationLengths.Name + 1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.DoesNotContain(new string('x', PersonalizationLengths.Name + 1), await factory.NamesAsync(admin.AccountId, PersonalizationKind.Pronoun));
    }

    [Fact]
    public async Task An_entry_of_another_account_is_not_found_and_stays_as_it_was()
    {
        using var admin = await Admin.CreateAsync(factory);
        using var other = await Admin.CreateAsync(factory);
        var theirs = await factory.ItemIdAsync(other.AccountId, PersonalizationKind.Gender, "Woman");

        using (var renamed = await admin.PostAsync($"/settings/personalization/genders?handler=Save&itemId={theirs}", new() { ["Input.Name"] = "Hacked" }))
            Assert.Equal(HttpStatusCode.NotFound, renamed.StatusCode);
        using (var deleted = await admin.PostAsync($"/settings/personalization/delete/{theirs}", [], formPage: "/settings/personalization"))
            Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal("Woman", (await factory.ItemAsync(theirs))!.Name);
    }

    [Fact]
    public async Task A_member_who_is_not_an_administrator_is_forbidden()
    {
        using var admin = await Admin.CreateAsync(factory);
        var member = await Infrastructure.Accounts.CreateInAccountAsync(factory, admin.AccountId, AccountRole.Member, "Mo Member");
        using var client = await TestUsers.SignedInClientAsync(factory, member);
        var before = await factory.NamesAsync(admin.AccountId, PersonalizationKind.Gender);

        using (var page = await client.GetAsync("/settings/personalization/genders"))
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        using (var added = await client.PostFormAsync("/settings/personalization/genders?handler=Add", new Dictionary<string, string> { ["Input.Name"] = "Nope" }, formPage: "/account/manage/preferences"))
            Assert.Equal(HttpStatusCode.Forbidden, added.StatusCode);
        Assert.Equal(before, await factory.NamesAsync(admin.AccountId, PersonalizationKind.Gender));
        Assert.DoesNotContain("/settings/personalization", await client.GetHtmlAsync("/vaults"), StringComparison.Ordinal);
    }
}
