using System.Net.Http.Headers;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Avatars;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Contacts;

/// <summary>A host with a small avatar limit (so "too large" is cheap to send), and helpers to upload and inspect.</summary>
public sealed class AvatarFactory : KithFactory
{
    public const int MaxAvatarBytes = 400_000;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Kith:Limits:MaxAvatarBytes"] = MaxAvatarBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string AvatarDirectory => Path.Combine(DataDirectory, "avatars");

    public string[] AvatarFiles() =>
        Directory.Exists(AvatarDirectory) ? [.. Directory.GetFiles(AvatarDirectory).Select(Path.GetFileName).Order()!] : [];

    public async Task<(TestUser User, KithClient Client, Guid VaultId)> SignedInOwnerAsync()
    {
        var owner = await TestUsers.CreateAsync(this);
        var vaultId = await this.FirstVaultAsync(await this.AccountOfAsync(owner));
        return (owner, await TestUsers.SignedInClientAsync(this, owner), vaultId);
    }

    /// <summary>A contact written straight to the database (the contact pages are another branch's work).</summary>
    public Task<Guid> ContactAsync(Guid vaultId, string firstName, string? lastName = null) => this.QueryAsync(async db =>
    {
        var contact = Contact.Create(vaultId, firstName, Guid.Empty, TimeProvider.System.GetUtcNow().UtcDateTime);
        contact.LastName = lastName;
        contact.Touch(contact.UpdatedAt);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact.Id;
    });

    /// <summary>What an upload may change: the contact row's photo and "last updated", its feed, the files.</summary>
    public async Task<string> StateAsync(Guid contactId)
    {
        var row = await this.QueryAsync(db => db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => $"{c.AvatarFile}|{c.UpdatedAt:O}|{db.FeedEntries.Count(f => f.ContactId == c.Id)}").SingleAsync());
        return row + "|" + string.Join(",", AvatarFiles());
    }

    public Task<string?> AvatarFileAsync(Guid contactId) =>
        this.QueryAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.AvatarFile).SingleAsync());

    public byte[] Stored(string? name) => File.ReadAllBytes(Directory.GetFiles(AvatarDirectory).Single(f => Path.GetFileName(f) == name));

    public static async Task<HttpResponseMessage> UploadAsync(KithClient client, Guid vaultId, Guid contactId, byte[] bytes,
        string fileName = "photo.jpg", string contentType = "image/jpeg", string? formPage = null)
    {
        var path = $"/vaults/{vaultId}/contacts/{contactId}/avatar";
        var token = await client.AntiforgeryTokenAsync(formPage ?? path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "Photo", fileName);
        return await client.Http.PostAsync(path, form, TestContext.Current.CancellationToken);
    }

    public static bool IsWebp(byte[] bytes) =>
        bytes.Length > 12 && bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8);

    public static string ImagePath(Guid vaultId, Guid contactId) => $"/vaults/{vaultId}/contacts/{contactId}/avatar/image";

    public static bool ValidName(string? name) => AvatarStore.IsValidName(name);
}
