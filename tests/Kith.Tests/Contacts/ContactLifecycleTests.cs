using System.Net;
using Kith.Features.Contacts.Avatars;
using Kith.Features.Contacts.Lifecycle;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Contacts;

/// <summary>A host with a fake clock, so the bin's 30 days can pass.</summary>
public sealed class PurgeClockFactory : KithFactory
{
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class ContactLifecycleTests(PurgeClockFactory factory) : IClassFixture<PurgeClockFactory>
{
    private TestUser? lastUser;

    private async Task<(KithClient Client, Guid VaultId)> EditorAsync()
    {
        var user = lastUser = await TestUsers.CreateAsync(factory);
        var vaultId = await factory.FirstVaultAsync(await factory.AccountOfAsync(user));
        return (await TestUsers.SignedInClientAsync(factory, user), vaultId);
    }

    private static Task<HttpResponseMessage> PostAsync(KithClient client, string path, string formPage, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync(path, fields ?? [], formPage);

    [Fact]
    public async Task Archive_hides_from_the_list_and_unarchive_brings_back()
    {
        var (client, vaultId) = await EditorAsync();
        using var _ = client;
        var id = await factory.AddContactAsync(vaultId, "Archie", "Vault");
        var page = $"/vaults/{vaultId}/contacts/{id}";
        using (var archived = await PostAsync(client, page + "/archive", page, new() { ["archived"] = "true" }))
            Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.DoesNotContain(id.ToString(), await client.GetHtmlAsync($"/vaults/{vaultId}/contacts"), StringComparison.Ordinal);
        Assert.Contains(id.ToString(), await client.GetHtmlAsync($"/vaults/{vaultId}/contacts?archived=true"), StringComparison.Ordinal);
        using (var back = await PostAsync(client, page + "/archive", page, new() { ["archived"] = "false" }))
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Contains(id.ToString(), await client.GetHtmlAsync($"/vaults/{vaultId}/contacts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_contact_is_404_listed_in_the_bin_and_can_be_restored()
    {
        var (client, vaultId) = await EditorAsync();
        using var _ = client;
        var id = await factory.AddContactAsync(vaultId, "Binny", "McBin");
        var page = $"/vaults/{vaultId}/contacts/{id}";
        using (var deleted = await PostAsync(client, page + "/delete", page + "/delete"))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await client.GetHtmlAsync($"/vaults/{vaultId}/contacts"), StringComparison.Ordinal);
        Assert.Contains("McBin", await client.GetHtmlAsync($"/vaults/{vaultId}/contacts/bin"), StringComparison.Ordinal);

        using (var restored = await PostAsync(client, $"/vaults/{vaultId}/contacts/bin?handler=Restore", $"/vaults/{vaultId}/contacts/bin", new() { ["contactId"] = id.ToString() }))
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task The_purge_removes_contacts_30_days_after_deletion_and_not_before_with_their_files()
    {
        var (client, vaultId) = await EditorAsync();
        using var _ = client;
        var store = factory.Service<AvatarStore>();
        var (photo, _) = await AvatarImage.ProcessAsync(TestImages.Encode(SkiaSharp.SKEncodedImageFormat.Png, 8, 8), TestContext.Current.CancellationToken);
        var file = await store.SaveAsync(photo!, TestContext.Current.CancellationToken);
        var id = await factory.AddContactAsync(vaultId, "Purgy", "Gone", c => c.AvatarFile = file);
        var kept = await factory.AddContactAsync(vaultId, "Kept", "Here");
        var page = $"/vaults/{vaultId}/contacts/{id}";
        using (var deleted = await PostAsync(client, page + "/delete", page + "/delete"))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(29));
        await factory.InScopeAsync<ContactPurge, int>(p => p.PurgeDueAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(await factory.ContactAsync(id));
        Assert.NotNull(store.PathOf(file)); // still on disk while the contact can be restored

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        // Past the window the bin no longer offers it, and restoring is refused (a new sign-in: a month has passed).
        using var later = await TestUsers.SignedInClientAsync(factory, lastUser!);
        using (var late = await PostAsync(later, $"/vaults/{vaultId}/contacts/bin?handler=Restore", $"/vaults/{vaultId}/contacts/bin", new() { ["contactId"] = id.ToString() }))
            Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        await factory.InScopeAsync<ContactPurge, int>(p => p.PurgeDueAsync(TestContext.Current.CancellationToken));
        Assert.Null(await factory.ContactAsync(id));
        Assert.NotNull(await factory.ContactAsync(kept));
        Assert.Equal(0, await factory.QueryAsync(db => db.FeedEntries.CountAsync(e => e.ContactId == id)));
        Assert.Null(store.PathOf(file)); // the purged contact's photo is gone from the data folder
    }

    [Fact]
    public async Task This_is_me_is_per_user_and_shown_on_the_page_and_in_the_list()
    {
        var (client, vaultId) = await EditorAsync();
        using var _ = client;
        var id = await factory.AddContactAsync(vaultId, "Self", "Person");
        var page = $"/vaults/{vaultId}/contacts/{id}";
        using (var me = await PostAsync(client, page + "?handler=Me", page))
            Assert.Equal(HttpStatusCode.Redirect, me.StatusCode);
        Assert.Contains("This is you", await client.GetHtmlAsync(page), StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge\">Me</span>", await client.GetHtmlAsync($"/vaults/{vaultId}/contacts"), StringComparison.Ordinal);
    }
}
