using System.Net;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Contacts.Connections;

public sealed class RelationshipTests
{
    private static Task<(HttpStatusCode Status, string Body)> AddAsync(ConnectionsWorld world, Guid contactId, string otherId, string type, string? query = null)
    {
        var page = $"/vaults/{world.VaultId}/contacts/{contactId}/relationships";
        return world.PostAsync(page + "?handler=Add", page, new()
        {
            ["Input.Other.SelectedId"] = otherId,
            ["Input.Other.Query"] = query ?? "",
            ["Input.Type"] = type,
        });
    }

    private static Task<int> CountAsync(KithFactory factory) => factory.QueryAsync(db => db.Relationships.CountAsync());

    [Fact]
    public async Task A_relationship_reads_from_both_sides_with_the_type_name_and_its_reverse()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var ada = await world.ContactAsync("Ada");
        var bea = await world.ContactAsync("Bea");
        var parent = await world.ItemAsync(PersonalizationKind.RelationshipType, "parent", "child");

        var (status, body) = await AddAsync(world, ada, bea.ToString(), parent.ToString());
        Assert.True(status == HttpStatusCode.Redirect, body);

        var row = await factory.QueryAsync(db => db.Relationships.SingleAsync());
        Assert.Equal((ada, bea, parent), (row.ContactId, row.RelatedContactId, row.TypeId));
        Assert.Contains("Bea — parent", ConnectionsWorld.Text(await world.HtmlAsync(world.ContactPage(ada))), StringComparison.Ordinal);
        var beaPage = ConnectionsWorld.Text(await world.HtmlAsync(world.ContactPage(bea)));
        Assert.Contains("Ada — child", beaPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada — parent", beaPage, StringComparison.Ordinal);

        var feed = await factory.QueryAsync(db => db.FeedEntries.Where(e => e.Action == FeedActions.RelationshipAdded).Select(e => e.ContactId).ToListAsync());
        Assert.Equal(new[] { ada, bea }.Order(), feed.Select(id => id!.Value).Order());
    }

    [Fact]
    public async Task Choosing_the_reverse_name_stores_the_mirrored_row_and_removing_it_works_from_either_side()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var ada = await world.ContactAsync("Ada");
        var bea = await world.ContactAsync("Bea");
        var parent = await world.ItemAsync(PersonalizationKind.RelationshipType, "parent", "child");

        var (status, body) = await AddAsync(world, ada, bea.ToString(), parent + ":reverse");
        Assert.True(status == HttpStatusCode.Redirect, body);
        var row = await factory.QueryAsync(db => db.Relationships.SingleAsync());
        Assert.Equal((bea, ada), (row.ContactId, row.RelatedContactId));
        Assert.Contains("Bea — child", ConnectionsWorld.Text(await world.HtmlAsync(world.ContactPage(ada))), StringComparison.Ordinal);
        Assert.Contains("Ada — parent", ConnectionsWorld.Text(await world.HtmlAsync(world.ContactPage(bea))), StringComparison.Ordinal);

        var page = $"/vaults/{world.VaultId}/contacts/{ada}/relationships";
        (status, _) = await world.PostAsync(page + "?handler=Remove", page, new() { ["relationshipId"] = row.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(0, await CountAsync(factory));
        Assert.Equal(2, await factory.QueryAsync(db => db.FeedEntries.CountAsync(e => e.Action == FeedActions.RelationshipRemoved)));
    }

    [Fact]
    public async Task A_contact_cannot_be_related_to_themselves_nor_twice_the_same_way()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var ada = await world.ContactAsync("Ada");
        var bea = await world.ContactAsync("Bea");
        var friend = await world.ItemAsync(PersonalizationKind.RelationshipType, "friend", "friend");

        var (status, _) = await AddAsync(world, ada, ada.ToString(), friend.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        (status, _) = await AddAsync(world, ada, "", friend.ToString(), query: "Ada");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(0, await CountAsync(factory));

        (status, _) = await AddAsync(world, ada, bea.ToString(), friend.ToString());
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, var body) = await AddAsync(world, ada, bea.ToString(), friend.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("already exists", body, StringComparison.Ordinal);
        // A symmetric type read from the other side is the same relationship.
        (status, _) = await AddAsync(world, bea, ada.ToString(), friend.ToString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(1, await CountAsync(factory));
    }

    [Fact]
    public async Task A_contact_or_a_type_of_another_vault_or_account_is_refused_and_nothing_changes()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var ada = await world.ContactAsync("Ada");
        var bea = await world.ContactAsync("Bea");
        var stranger = await factory.AddContactAsync(world.OtherVaultId, "Stan");
        var parent = await world.ItemAsync(PersonalizationKind.RelationshipType, "parent", "child");
        var foreignType = await factory.AddItemAsync(world.OtherAccountId, PersonalizationKind.RelationshipType, "boss", "employee");
        var notARelationship = await world.ItemAsync(PersonalizationKind.Gender, "Woman");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(world, ada, stranger.ToString(), parent.ToString())).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(world, ada, "", parent.ToString(), query: "Stan")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(world, ada, bea.ToString(), foreignType.ToString())).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(world, ada, bea.ToString(), notARelationship.ToString())).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync(world, ada, bea.ToString(), "not-a-type")).Status);
        Assert.Equal(0, await CountAsync(factory));
        Assert.Equal(0, await factory.QueryAsync(db => db.FeedEntries.CountAsync()));

        // A relationship of another vault cannot be removed through this vault's address.
        var otherA = await factory.AddContactAsync(world.OtherVaultId, "Oli");
        var otherType = foreignType;
        var foreign = await factory.QueryAsync(async db =>
        {
            var relationship = Relationship.Create(world.OtherVaultId, otherA, stranger, otherType);
            db.Relationships.Add(relationship);
            await db.SaveChangesAsync();
            return relationship.Id;
        });
        var page = $"/vaults/{world.VaultId}/contacts/{ada}/relationships";
        var (status, _) = await world.PostAsync(page + "?handler=Remove", page, new() { ["relationshipId"] = foreign.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(1, await CountAsync(factory));
    }

    [Fact]
    public async Task The_picker_never_suggests_contacts_of_another_vault()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        await world.ContactAsync("Zelda");
        await factory.AddContactAsync(world.OtherVaultId, "Zelda", "Elsewhere");

        var json = await world.HtmlAsync($"/vaults/{world.VaultId}/contacts/picker?q=zelda");
        Assert.Contains("Zelda", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Elsewhere", json, StringComparison.Ordinal);
    }
}
