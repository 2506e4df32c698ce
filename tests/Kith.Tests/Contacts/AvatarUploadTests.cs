using System.Net;
using Kith.Features.Contacts;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Kith.Tests.Contacts;

public sealed class AvatarUploadTests(AvatarFactory factory) : IClassFixture<AvatarFactory>
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, "photo.jpg", "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Png, "photo.png", "image/png")]
    [InlineData(SKEncodedImageFormat.Webp, "photo.webp", "image/webp")]
    public async Task Each_accepted_format_is_stored_as_a_scaled_down_webp_under_a_random_name(SKEncodedImageFormat format, string fileName, string contentType)
    {
        var (_, client, vaultId) = await factory.SignedInOwnerAsync();
        using var _client = client;
        var contactId = await factory.ContactAsync(vaultId, "Jane", "Doe");

        using var response = await AvatarFactory.UploadAsync(client, vaultId, contactId, TestImages.Encode(format, 1200, 600), fileName, contentType);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var name = await factory.AvatarFileAsync(contactId);
        Assert.True(AvatarFactory.ValidName(name), name);
        var stored = factory.Stored(name);
        Assert.True(AvatarFactory.IsWebp(stored));
        using var codec = SKCodec.Create(SKData.CreateCopy(stored));
        Assert.Equal((512, 256), (codec.Info.Width, codec.Info.Height));
        Assert.True(await factory.QueryAsync(db => db.FeedEntries.AnyAsync(f => f.ContactId == contactId && f.Action == FeedActions.AvatarChanged)));
    }

    [Fact]
    public async Task Exif_and_gps_metadata_are_stripped_after_the_orientation_is_applied()
    {
        var (_, client, vaultId) = await factory.SignedInOwnerAsync();
        using var _client = client;
        var contactId = await factory.ContactAsync(vaultId, "Gus", "Gps");
        var canary = "GPS-CANARY-" + Guid.NewGuid().ToString("N")[..8];
        var upload = TestImages.JpegWithExif(TestImages.Encode(SKEncodedImageFormat.Jpeg, 40, 20), canary);
        using (var codec = SKCodec.Create(SKData.CreateCopy(upload)))
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin); // the hand-made segment is read as real EXIF

        using var response = await AvatarFactory.UploadAsync(client, vaultId, contactId, upload);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = factory.Stored(await factory.AvatarFileAsync(contactId));
        Assert.False(TestImages.Contains(stored, canary));
        Assert.False(TestImages.Contains(stored, "Exif"));
        using var storedCodec = SKCodec.Create(SKData.CreateCopy(stored));
        Assert.Equal(SKEncodedOrigin.TopLeft, storedCodec.EncodedOrigin);
        Assert.Equal((20, 40), (storedCodec.Info.Width, storedCodec.Info.Height)); // turned upright
        using var pixels = SKBitmap.Decode(stored);
        Assert.True(pixels.GetPixel(10, 2).Red > 200, "red (the left half) is on top after a clockwise turn");
    }

    [Fact]
    public async Task A_jpeg_html_polyglot_is_stored_without_its_html()
    {
        var (_, client, vaultId) = await factory.SignedInOwnerAsync();
        using var _client = client;
        var contactId = await factory.ContactAsync(vaultId, "Polly", "Glot");
        var upload = TestImages.JpegHtmlPolyglot(TestImages.Encode(SKEncodedImageFormat.Jpeg, 64, 64), "<html><script>alert(document.cookie)</script></html>");

        using var response = await AvatarFactory.UploadAsync(client, vaultId, contactId, upload, "photo.html", "text/html");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = factory.Stored(await factory.AvatarFileAsync(contactId));
        Assert.False(TestImages.Contains(stored, "<script"));
        Assert.False(TestImages.Contains(stored, "<html"));
    }

    public static TheoryData<string, string, string, int, string> Refused => new()
    {
        { "svg", "avatar.svg", "image/svg+xml", 415, "JPEG, PNG or WebP" },
        { "html renamed .png", "avatar.png", "image/png", 415, "JPEG, PNG or WebP" },
        { "truncated jpeg", "avatar.jpg", "image/jpeg", 400, "could not be read" },
        { "huge dimensions", "avatar.png", "image/png", 400, "too large" },
        { "too many bytes", "avatar.jpg", "image/jpeg", 413, "MB allowed" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Anything_but_a_sound_jpeg_png_or_webp_is_refused_and_nothing_is_stored(string kind, string fileName, string contentType, int status, string message)
    {
        var (_, client, vaultId) = await factory.SignedInOwnerAsync();
        using var _client = client;
        var contactId = await factory.ContactAsync(vaultId, "Rhea", "Fused");
        var jpeg = TestImages.Encode(SKEncodedImageFormat.Jpeg, 300, 300);
        var upload = kind switch
        {
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
            "html renamed .png" => "<!doctype html><html><script>alert(1)</script></html>"u8.ToArray(),
            "truncated jpeg" => jpeg[..(jpeg.Length / 2)],
            "huge dimensions" => TestImages.HugePngHeader(100_000),
            _ => [.. jpeg, .. new byte[AvatarFactory.MaxAvatarBytes]],
        };
        var before = await factory.StateAsync(contactId);

        using var response = await AvatarFactory.UploadAsync(client, vaultId, contactId, upload, fileName, contentType);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, await KithClient.BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await factory.StateAsync(contactId));
        Assert.DoesNotContain(factory.AvatarFiles(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_refused_before_the_page_runs()
    {
        var (_, client, vaultId) = await factory.SignedInOwnerAsync();
        using var _client = client;
        var contactId = await factory.ContactAsync(vaultId, "Bigg", "Body");
        var before = await factory.StateAsync(contactId);

        // Over both the avatar allowance and the general 1 MiB limit: the size middleware answers, not the page.
        using var response = await AvatarFactory.UploadAsync(client, vaultId, contactId, new byte[2 * 1_048_576]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.StateAsync(contactId));
    }

    [Fact]
    public async Task Replacing_and_removing_the_photo_delete_the_previous_file()
    {
        var (_, client, vaultId) = await factory.SignedInOwnerAsync();
        using var _client = client;
        var contactId = await factory.ContactAsync(vaultId, "Ray", "Place");
        using (var first = await AvatarFactory.UploadAsync(client, vaultId, contactId, TestImages.Encode(SKEncodedImageFormat.Png, 50, 50), "a.png", "image/png"))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var firstFile = await factory.AvatarFileAsync(contactId);

        using (var second = await AvatarFactory.UploadAsync(client, vaultId, contactId, TestImages.Encode(SKEncodedImageFormat.Jpeg, 60, 60)))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var secondFile = await factory.AvatarFileAsync(contactId);

        Assert.NotEqual(firstFile, secondFile);
        Assert.DoesNotContain(firstFile, factory.AvatarFiles());
        Assert.Contains(secondFile, factory.AvatarFiles());

        var path = $"/vaults/{vaultId}/contacts/{contactId}/avatar";
        using (var removed = await client.PostFormAsync(path + "?handler=Remove", new Dictionary<string, string>(), formPage: path))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await factory.AvatarFileAsync(contactId));
        Assert.DoesNotContain(secondFile, factory.AvatarFiles());
    }
}
