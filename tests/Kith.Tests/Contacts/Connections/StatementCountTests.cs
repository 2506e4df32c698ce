using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Contacts.Connections;

public sealed class StatementCountTests
{
    [Fact]
    public async Task The_connections_and_activity_tabs_stay_within_ten_statements_however_many_rows()
    {
        await using var factory = new StatementCountingFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var ada = await world.ContactAsync("Ada");
        var type = await world.ItemAsync(PersonalizationKind.RelationshipType, "friend", "friend");
        var groupType = await world.ItemAsync(PersonalizationKind.GroupType, "Team");
        var role = await world.ItemAsync(PersonalizationKind.GroupRole, "Captain", parentId: groupType);
        await factory.QueryAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 40; i++)
            {
                var other = Contact.Create(world.VaultId, $"Friend{i}", Guid.Empty, now);
                if (i % 2 == 0) other.MetThroughContactId = ada;
                db.Contacts.Add(other);
                db.Relationships.Add(i % 2 == 0 ? Relationship.Create(world.VaultId, ada, other.Id, type) : Relationship.Create(world.VaultId, other.Id, ada, type));
                var group = Group.Create(world.VaultId, $"Group {i}", groupType);
                db.Groups.Add(group);
                db.GroupMembers.Add(GroupMember.Create(group.Id, ada, role));
                db.FeedEntries.Add(FeedEntry.Record(world.VaultId, ada, Guid.NewGuid(), now.AddMinutes(-i), FeedActions.RelationshipAdded, $"Friend{i}"));
                db.FeedEntries.Add(FeedEntry.Record(world.VaultId, ada, null, now.AddMinutes(-i), FeedActions.GroupJoined, $"Group {i}"));
            }
            return await db.SaveChangesAsync();
        });

        foreach (var tab in new[] { "Connections", "Activity" })
        {
            var path = world.ContactPage(ada, tab);
            var html = await world.HtmlAsync(path);
            Assert.Contains(tab == "Connections" ? "Friend39 — friend" : "Friend0", ConnectionsWorld.Text(html), StringComparison.Ordinal);
            var statements = await factory.StatementsAsync(world.Client, path);
            Assert.True(statements.Count <= 10, $"{tab}: {statements.Count} statements:\n{string.Join("\n---\n", statements)}");
            Assert.True(statements.Count >= 3, $"{tab}: the counter saw only {statements.Count} statements");
        }
    }
}
