using Kith.Tests.Infrastructure;

namespace Kith.Tests.Contacts.Connections;

public sealed class MetThroughTests
{
    [Fact]
    public async Task The_connections_tab_shows_who_introduced_a_contact_and_whom_they_introduced()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var bea = await world.ContactAsync("Bea");
        var ada = await world.ContactAsync("Ada", c => c.MetThroughContactId = bea);
        await world.ContactAsync("Cid", c => c.MetThroughContactId = bea);
        await world.ContactAsync("Dora");

        var adaPage = ConnectionsWorld.Text(await world.HtmlAsync(world.ContactPage(ada)));
        Assert.Contains("Met through Bea", adaPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Introduced you to", adaPage, StringComparison.Ordinal);

        var beaPage = ConnectionsWorld.Text(await world.HtmlAsync(world.ContactPage(bea)));
        Assert.Contains("Introduced you to: Ada Cid", beaPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Dora", beaPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Met through", beaPage, StringComparison.Ordinal);
    }
}
