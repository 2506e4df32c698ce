using System.Net;
using System.Net.Http.Headers;
using Kith.Tests.Infrastructure;
using SkiaSharp;

namespace Kith.Tests.Contacts;

public sealed class AvatarServingTests(AvatarFactory factory) : IClassFixture<AvatarFactory>
{
    private async Task<(KithClient Client, Guid VaultId, Guid ContactId, string File)> ContactWithPhotoAsync()
    {
        var (_, client, vaultId) = await factory.SignedInOwnerAsync();
        var contactId = await factory.ContactAsync(vaultId, "Ivy", "Image");
        using var response = await AvatarFactory.UploadAsync(client, vaultId, contactId, TestImages.Encode(SKEncodedImageFormat.Png, 30, 30), "a.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, vaultId, contactId, (await factory.AvatarFileAsync(contactId))!);
    }

    [Fact]
    public async Task The_image_is_served_as_webp_that_the_browser_may_not_sniff_and_only_it_may_cache()
    {
        var (client, vaultId, contactId, file) = await ContactWithPhotoAsync();
        using var _client = client;

        using var response = await client.GetAsync(AvatarFactory.ImagePath(vaultId, contactId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline; filename=\"avatar.webp\"", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("default-src 'none'; sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: false }, response.Headers.CacheControl?.ToString());
        Assert.Equal($"\"{file}\"", response.Headers.ETag?.Tag);
        Assert.Equal(factory.Stored(file), await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var request = new HttpRequestMessage(HttpMethod.Get, AvatarFactory.ImagePath(vaultId, contactId));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{file}\""));
        using var revalidated = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Pages_other_than_the_image_stay_uncached()
    {
        var (client, vaultId, contactId, _) = await ContactWithPhotoAsync();
        using var _client = client;

        using var page = await client.GetAsync($"/vaults/{vaultId}/contacts/{contactId}/avatar");

        Assert.True(page.Headers.CacheControl?.NoStore, page.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_user_of_another_account_gets_404_for_the_image_and_the_upload_and_nothing_changes()
    {
        var (client, vaultId, contactId, _) = await ContactWithPhotoAsync();
        using var _client = client;
        var (_, stranger, strangerVault) = await factory.SignedInOwnerAsync();
        using var _stranger = stranger;
        var before = await factory.StateAsync(contactId);
        var png = TestImages.Encode(SKEncodedImageFormat.Png, 20, 20);

        // The victim's vault (the choke point says no), then the stranger's own vault with the victim's contact id.
        foreach (var vault in new[] { vaultId, strangerVault })
        {
            using var image = await stranger.GetAsync(AvatarFactory.ImagePath(vault, contactId));
            Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
            using var page = await stranger.GetAsync($"/vaults/{vault}/contacts/{contactId}/avatar");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            using var upload = await AvatarFactory.UploadAsync(stranger, vault, contactId, png, "a.png", "image/png", formPage: "/account/manage/password");
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
            using var remove = await stranger.PostFormAsync($"/vaults/{vault}/contacts/{contactId}/avatar?handler=Remove",
                new Dictionary<string, string>(), formPage: "/account/manage/password");
            Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        }
        Assert.Equal(before, await factory.StateAsync(contactId));
    }

    [Fact]
    public async Task Anonymous_callers_are_sent_to_sign_in()
    {
        var (client, vaultId, contactId, _) = await ContactWithPhotoAsync();
        using var _client = client;
        using var anonymous = factory.CreateWebClient();

        using var response = await anonymous.GetAsync(AvatarFactory.ImagePath(vaultId, contactId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_photo_the_initials_are_shown_on_a_palette_colour_and_encoded()
    {
        var (_, client, vaultId) = await factory.SignedInOwnerAsync();
        using var _client = client;
        var contactId = await factory.ContactAsync(vaultId, "<b>jane", "doe");

        var html = await client.GetHtmlAsync($"/vaults/{vaultId}/contacts/{contactId}/avatar");
        using var image = await client.GetAsync(AvatarFactory.ImagePath(vaultId, contactId));

        Assert.Matches("<span class=\"avatar avatar-large avatar-c[0-7]\" aria-hidden=\"true\">&lt;D</span>", html);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
    }

    [Fact]
    public async Task With_a_photo_the_partial_points_at_the_versioned_image()
    {
        var (client, vaultId, contactId, file) = await ContactWithPhotoAsync();
        using var _client = client;

        var html = await client.GetHtmlAsync($"/vaults/{vaultId}/contacts/{contactId}/avatar");

        Assert.Contains($"src=\"/vaults/{vaultId}/contacts/{contactId}/avatar/image?v={file[..8]}\"", html, StringComparison.Ordinal);
    }
}
