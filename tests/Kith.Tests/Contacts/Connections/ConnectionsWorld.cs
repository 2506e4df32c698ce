using System.Net;
using System.Text.RegularExpressions;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Contacts.Connections;

/// <summary>A signed-in editor (the account owner) with a vault, plus a second account with a vault of its own.</summary>
public sealed class ConnectionsWorld(KithFactory factory, KithClient client, Guid accountId, Guid vaultId, Guid otherAccountId, Guid otherVaultId) : IDisposable
{
    public KithFactory Factory => factory;
    public KithClient Client => client;
    public Guid AccountId => accountId;
    public Guid VaultId => vaultId;
    public Guid OtherAccountId => otherAccountId;
    public Guid OtherVaultId => otherVaultId;

    public static async Task<ConnectionsWorld> CreateAsync(KithFactory factory)
    {
        var user = await TestUsers.CreateAsync(factory);
        var accountId = await factory.AccountOfAsync(user);
        var other = await TestUsers.CreateAsync(factory);
        var otherAccountId = await factory.AccountOfAsync(other);
        return new ConnectionsWorld(factory, await TestUsers.SignedInClientAsync(factory, user), accountId, await factory.FirstVaultAsync(accountId),
            otherAccountId, await factory.FirstVaultAsync(otherAccountId));
    }

    public Task<Guid> ContactAsync(string firstName, Action<Features.Contacts.Contact>? configure = null) => factory.AddContactAsync(vaultId, firstName, null, configure);

    public Task<Guid> ItemAsync(PersonalizationKind kind, string name, string? reverseName = null, Guid? parentId = null) =>
        factory.AddItemAsync(accountId, kind, name, reverseName, parentId: parentId);

    public string ContactPage(Guid contactId, string tab = "Connections") => $"/vaults/{vaultId}/contacts/{contactId}?tab={tab}";

    public async Task<string> HtmlAsync(string path) => await client.GetHtmlAsync(path);

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string formPage, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync(path, fields, formPage);
        return (response.StatusCode, await KithClient.BodyAsync(response));
    }

    /// <summary>The text of the page with tags removed and white space collapsed, for sentence-like assertions.</summary>
    public static string Text(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " "));

    public void Dispose() => client.Dispose();
}
