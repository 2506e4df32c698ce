using System.Net;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Contacts;

public sealed class ContactPageTests
{
    [Fact]
    public async Task A_member_sees_the_contact_page_and_each_view_is_counted()
    {
        await using var factory = new KithFactory();
        var user = await TestUsers.CreateAsync(factory);
        var vaultId = await factory.FirstVaultAsync(await factory.AccountOfAsync(user));
        var contactId = await factory.AddContactAsync(vaultId, "Ada", "Lovelace");
        using var client = await TestUsers.SignedInClientAsync(factory, user);

        using var first = await client.GetAsync($"/vaults/{vaultId}/contacts/{contactId}");
        var body = await KithClient.BodyAsync(first);
        Assert.True(first.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("Ada Lovelace", body, StringComparison.Ordinal);
        using var second = await client.GetAsync($"/vaults/{vaultId}/contacts/{contactId}");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var views = await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.ContactUserStates.Where(s => s.ContactId == contactId).Select(s => s.ViewCount)));
        Assert.Equal(2, views);
    }
}
