using System.Net;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Personalization;

public sealed class ReplaceOnDeleteTests(KithFactory factory) : IClassFixture<KithFactory>
{
    private static Task<HttpResponseMessage> DeleteAsync(Admin admin, Guid itemId, string? replacement) =>
        admin.PostAsync($"/settings/personalization/delete/{itemId}", replacement is null ? [] : new() { ["replacement"] = replacement });

    [Fact]
    public async Task Deleting_a_gender_in_use_moves_its_contacts_to_the_replacement()
    {
        using var admin = await Admin.CreateAsync(factory);
        var woman = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.Gender, "Woman");
        var nonBinary = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.Gender, "Non-binary");
        var contact = await factory.AddContactAsync(admin.VaultId, "Alex", configure: c => c.GenderId = woman);
        Assert.Contains("used 1 time", await admin.Client.GetHtmlAsync($"/settings/personalization/delete/{woman}"), StringComparison.Ordinal);

        using var response = await DeleteAsync(admin, woman, nonBinary.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await factory.ItemAsync(woman));
        Assert.Equal(nonBinary, await factory.QueryAsync(db => db.Contacts.Where(c => c.Id == contact).Select(c => c.GenderId).SingleAsync()));
    }

    [Fact]
    public async Task An_optional_reference_can_be_replaced_with_nothing()
    {
        using var admin = await Admin.CreateAsync(factory);
        var religion = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.Religion, "Buddhism");
        var home = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.AddressType, "Home");
        var contact = await factory.AddContactAsync(admin.VaultId, "Sam", configure: c => c.ReligionId = religion);
        var address = Address.Create(admin.VaultId);
        address.TypeId = home;
        await factory.Save(address);

        using (var response = await DeleteAsync(admin, religion, DeleteModelNothing))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var response = await DeleteAsync(admin, home, DeleteModelNothing))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Null(await factory.QueryAsync(db => db.Contacts.Where(c => c.Id == contact).Select(c => c.ReligionId).SingleAsync()));
        Assert.Null(await factory.QueryAsync(db => db.Addresses.Where(a => a.Id == address.Id).Select(a => a.TypeId).SingleAsync()));
        Assert.Null(await factory.ItemAsync(religion));
    }

    private const string DeleteModelNothing = Kith.Features.Settings.Personalization.DeleteModel.Nothing;

    [Theory]
    [InlineData(null)]
    [InlineData(DeleteModelNothing)]
    public async Task A_required_reference_in_use_needs_a_replacement(string? replacement)
    {
        using var admin = await Admin.CreateAsync(factory);
        var dog = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.PetCategory, "Dog");
        var contact = await factory.AddContactAsync(admin.VaultId, "Kim");
        var pet = Pet.Create(contact, dog, "Rex");
        await factory.Save(pet);

        using var response = await DeleteAsync(admin, dog, replacement);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("choose what replaces it", await KithClient.BodyAsync(response), StringComparison.Ordinal);
        Assert.NotNull(await factory.ItemAsync(dog));
        Assert.Equal(dog, await factory.QueryAsync(db => db.Pets.Where(p => p.Id == pet.Id).Select(p => p.CategoryId).SingleAsync()));
    }

    [Fact]
    public async Task The_last_entry_of_a_required_kind_in_use_cannot_be_deleted()
    {
        using var admin = await Admin.CreateAsync(factory);
        var email = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.ContactInformationType, "Email");
        await factory.QueryAsync(db => db.PersonalizationItems
            .Where(i => i.AccountId == admin.AccountId && i.Kind == PersonalizationKind.ContactInformationType && i.Id != email).ExecuteDeleteAsync());
        var contact = await factory.AddContactAsync(admin.VaultId, "Lee");
        await factory.Save(ContactInformation.Create(contact, email, ContactInformationKind.Home, "lee@example.org", preferred: true));
        Assert.Contains("it is the last", await admin.Client.GetHtmlAsync($"/settings/personalization/delete/{email}"), StringComparison.Ordinal);

        using var response = await DeleteAsync(admin, email, DeleteModelNothing);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(await factory.ItemAsync(email));
    }

    [Theory]
    [InlineData("other-account")]
    [InlineData("other-kind")]
    [InlineData("itself")]
    [InlineData("not-a-guid")]
    public async Task A_replacement_that_is_not_another_entry_of_the_list_changes_nothing(string which)
    {
        using var admin = await Admin.CreateAsync(factory);
        using var other = await Admin.CreateAsync(factory);
        var friend = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.RelationshipType, "friend");
        var a = await factory.AddContactAsync(admin.VaultId, "Ann");
        var b = await factory.AddContactAsync(admin.VaultId, "Ben");
        var relationship = Relationship.Create(admin.VaultId, a, b, friend);
        await factory.Save(relationship);
        var replacement = which switch
        {
            "other-account" => (await factory.ItemIdAsync(other.AccountId, PersonalizationKind.RelationshipType, "colleague")).ToString(),
            "other-kind" => (await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.Gender, "Man")).ToString(),
            "itself" => friend.ToString(),
            _ => which,
        };

        using var response = await DeleteAsync(admin, friend, replacement);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(await factory.ItemAsync(friend));
        Assert.Equal(friend, await factory.QueryAsync(db => db.Relationships.Where(r => r.Id == relationship.Id).Select(r => r.TypeId).SingleAsync()));
    }

    [Fact]
    public async Task Replacing_a_relationship_type_merges_a_pair_that_already_has_the_replacement()
    {
        using var admin = await Admin.CreateAsync(factory);
        var friend = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.RelationshipType, "friend");
        var colleague = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.RelationshipType, "colleague");
        var a = await factory.AddContactAsync(admin.VaultId, "Ann");
        var b = await factory.AddContactAsync(admin.VaultId, "Ben");
        var c = await factory.AddContactAsync(admin.VaultId, "Cat");
        await factory.Save(Relationship.Create(admin.VaultId, a, b, friend), Relationship.Create(admin.VaultId, a, b, colleague), Relationship.Create(admin.VaultId, a, c, friend));

        using var response = await DeleteAsync(admin, friend, colleague.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = await factory.QueryAsync(db => db.Relationships.Where(r => r.ContactId == a).Select(r => new { r.RelatedContactId, r.TypeId }).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(colleague, r.TypeId));
    }

    [Fact]
    public async Task Contact_information_and_pets_move_to_their_replacements()
    {
        using var admin = await Admin.CreateAsync(factory);
        var phone = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.ContactInformationType, "Phone");
        var mobile = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.ContactInformationType, "Mobile");
        var cat = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.PetCategory, "Cat");
        var other = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.PetCategory, "Other");
        var contact = await factory.AddContactAsync(admin.VaultId, "Pat");
        var info = ContactInformation.Create(contact, phone, ContactInformationKind.Home, "+44 20 7946 0000", preferred: false);
        var pet = Pet.Create(contact, cat, "Tom");
        await factory.Save<object>(info, pet);

        using (var response = await DeleteAsync(admin, phone, mobile.ToString()))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var response = await DeleteAsync(admin, cat, other.ToString()))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(mobile, await factory.QueryAsync(db => db.ContactInformation.Where(i => i.Id == info.Id).Select(i => i.TypeId).SingleAsync()));
        Assert.Equal(other, await factory.QueryAsync(db => db.Pets.Where(p => p.Id == pet.Id).Select(p => p.CategoryId).SingleAsync()));
    }

    [Fact]
    public async Task Replacing_a_group_type_keeps_roles_of_the_same_name()
    {
        using var admin = await Admin.CreateAsync(factory);
        var family = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.GroupType, "Family");
        var couple = await factory.ItemIdAsync(admin.AccountId, PersonalizationKind.GroupType, "Couple");
        var parent = await factory.QueryAsync(db => db.PersonalizationItems.Where(i => i.ParentId == family && i.Name == "parent").Select(i => i.Id).SingleAsync());
        var child = await factory.QueryAsync(db => db.PersonalizationItems.Where(i => i.ParentId == family && i.Name == "child").Select(i => i.Id).SingleAsync());
        var coupleParent = await factory.AddItemAsync(admin.AccountId, PersonalizationKind.GroupRole, "Parent", parentId: couple);
        var a = await factory.AddContactAsync(admin.VaultId, "Ann");
        var b = await factory.AddContactAsync(admin.VaultId, "Bo");
        var group = Group.Create(admin.VaultId, "The Smiths", family);
        await factory.Save(group);
        await factory.Save(GroupMember.Create(group.Id, a, parent), GroupMember.Create(group.Id, b, child));

        using var response = await DeleteAsync(admin, family, couple.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(couple, await factory.QueryAsync(db => db.Groups.Where(g => g.Id == group.Id).Select(g => g.TypeId).SingleAsync()));
        var roles = await factory.QueryAsync(db => db.GroupMembers.Where(m => m.GroupId == group.Id).OrderBy(m => m.ContactId == a ? 0 : 1).Select(m => m.RoleId).ToListAsync());
        Assert.Equal([coupleParent, null], roles);
        Assert.Null(await factory.ItemAsync(parent));
        Assert.Null(await factory.ItemAsync(child));
    }
}
