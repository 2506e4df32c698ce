using System.Net;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Contacts.Connections;

public sealed class GroupTests
{
    private static Task<(HttpStatusCode Status, string Body)> CreateAsync(ConnectionsWorld world, string name, string typeId)
    {
        var page = $"/vaults/{world.VaultId}/groups/new";
        return world.PostAsync(page, page, new() { ["Input.Name"] = name, ["Input.TypeId"] = typeId });
    }

    private static Task<(HttpStatusCode Status, string Body)> EditAsync(ConnectionsWorld world, Guid groupId, string handler, Dictionary<string, string> fields)
    {
        var page = $"/vaults/{world.VaultId}/groups/{groupId}/edit";
        return world.PostAsync($"{page}?handler={handler}", page, fields);
    }

    [Fact]
    public async Task Groups_are_created_renamed_filled_with_members_in_roles_of_their_type_and_deleted()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var ada = await world.ContactAsync("Ada");
        var family = await world.ItemAsync(PersonalizationKind.GroupType, "Family");
        var parent = await world.ItemAsync(PersonalizationKind.GroupRole, "Parent", parentId: family);
        var child = await world.ItemAsync(PersonalizationKind.GroupRole, "Child", parentId: family);
        var team = await world.ItemAsync(PersonalizationKind.GroupType, "Team");
        var captain = await world.ItemAsync(PersonalizationKind.GroupRole, "Captain", parentId: team);

        var (status, body) = await CreateAsync(world, "The Lovelaces", family.ToString());
        Assert.True(status == HttpStatusCode.Redirect, body);
        var groupId = await factory.QueryAsync(db => db.Groups.Where(g => g.VaultId == world.VaultId).Select(g => g.Id).SingleAsync());
        Assert.Contains("The Lovelaces", await world.HtmlAsync($"/vaults/{world.VaultId}/groups"), StringComparison.Ordinal);

        (status, _) = await EditAsync(world, groupId, "AddMember", new() { ["Member.SelectedId"] = ada.ToString(), ["roleId"] = captain.ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(0, await factory.QueryAsync(db => db.GroupMembers.CountAsync()));

        (status, body) = await EditAsync(world, groupId, "AddMember", new() { ["Member.SelectedId"] = ada.ToString(), ["roleId"] = parent.ToString() });
        Assert.True(status == HttpStatusCode.Redirect, body);
        Assert.Contains("The Lovelaces (Parent)", ConnectionsWorld.Text(await world.HtmlAsync(world.ContactPage(ada))), StringComparison.Ordinal);
        (status, _) = await EditAsync(world, groupId, "AddMember", new() { ["Member.SelectedId"] = ada.ToString(), ["roleId"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);

        (status, _) = await EditAsync(world, groupId, "ChangeRole", new() { ["contactId"] = ada.ToString(), ["roleId"] = captain.ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        (status, _) = await EditAsync(world, groupId, "ChangeRole", new() { ["contactId"] = ada.ToString(), ["roleId"] = child.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(child, await factory.QueryAsync(db => db.GroupMembers.Select(m => m.RoleId).SingleAsync()));
        Assert.Contains($"value=\"{child}\" selected=\"selected\"", await world.HtmlAsync($"/vaults/{world.VaultId}/groups/{groupId}"), StringComparison.Ordinal);

        (status, _) = await EditAsync(world, groupId, "Rename", new() { ["Input.Name"] = "Byrons" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("Byrons", await factory.QueryAsync(db => db.Groups.Select(g => g.Name).SingleAsync()));

        (status, _) = await EditAsync(world, groupId, "RemoveMember", new() { ["contactId"] = ada.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(0, await factory.QueryAsync(db => db.GroupMembers.CountAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.FeedEntries.CountAsync(e => e.Action == FeedActions.GroupLeft && e.ContactId == ada)));

        (status, _) = await EditAsync(world, groupId, "Delete", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        (status, _) = await EditAsync(world, groupId, "Delete", new() { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(0, await factory.QueryAsync(db => db.Groups.CountAsync()));
        Assert.True(await factory.QueryAsync(db => db.Contacts.AnyAsync(c => c.Id == ada)));
    }

    [Fact]
    public async Task A_group_type_of_another_account_is_refused()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var foreignType = await factory.AddItemAsync(world.OtherAccountId, PersonalizationKind.GroupType, "Family");
        var notAType = await world.ItemAsync(PersonalizationKind.RelationshipType, "friend", "friend");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CreateAsync(world, "Mine", foreignType.ToString())).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CreateAsync(world, "Mine", notAType.ToString())).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CreateAsync(world, "", "")).Status);
        Assert.Equal(0, await factory.QueryAsync(db => db.Groups.CountAsync()));
    }

    [Fact]
    public async Task A_contact_joins_a_group_from_their_page_but_not_a_group_or_contact_of_another_vault()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var ada = await world.ContactAsync("Ada");
        var stranger = await factory.AddContactAsync(world.OtherVaultId, "Stan");
        var (mine, foreign) = await factory.QueryAsync(async db =>
        {
            var own = Group.Create(world.VaultId, "Book club", null);
            var other = Group.Create(world.OtherVaultId, "Other club", null);
            db.Groups.AddRange(own, other);
            await db.SaveChangesAsync();
            return (own.Id, other.Id);
        });

        var page = $"/vaults/{world.VaultId}/contacts/{ada}/groups";
        Assert.Equal(HttpStatusCode.NotFound, (await world.PostAsync(page + "?handler=Add", page, new() { ["groupId"] = foreign.ToString() })).Status);
        var strangerPage = $"/vaults/{world.VaultId}/contacts/{stranger}/groups";
        Assert.Equal(HttpStatusCode.NotFound, (await world.PostAsync(strangerPage + "?handler=Add", page, new() { ["groupId"] = mine.ToString() })).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await EditAsync(world, mine, "AddMember", new() { ["Member.SelectedId"] = stranger.ToString() })).Status);
        Assert.Equal(0, await factory.QueryAsync(db => db.GroupMembers.CountAsync()));

        var (status, body) = await world.PostAsync(page + "?handler=Add", page, new() { ["groupId"] = mine.ToString() });
        Assert.True(status == HttpStatusCode.Redirect, body);
        Assert.Contains("Book club", ConnectionsWorld.Text(await world.HtmlAsync(world.ContactPage(ada))), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.FeedEntries.CountAsync(e => e.Action == FeedActions.GroupJoined && e.ContactId == ada)));
    }
}
