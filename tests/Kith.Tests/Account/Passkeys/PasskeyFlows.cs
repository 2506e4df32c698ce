using System.Net;
using System.Text.Json.Nodes;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Account.Passkeys;

/// <summary>The browser side of Kith's passkey forms (what wwwroot/js/passkeys.js does), driven over HTTP.</summary>
public static class PasskeyFlows
{
    public const string ManagePage = "/account/manage/passkeys";
    public const string SignInPage = "/account/login/passkey";
    public const string ReauthenticatePage = "/account/reauthenticate";

    public static SoftwareAuthenticator NewAuthenticator(bool countsSignatures = true) =>
        new(KithFactory.BaseUrl, new Uri(KithFactory.BaseUrl).Host, countsSignatures);

    public static async Task<(string Handle, JsonNode Options)> OptionsAsync(KithClient client, string page, string handler)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        using var response = await client.PostFormWithoutTokenAsync($"{page}?handler={handler}",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await KithClient.BodyAsync(response))!;
        return (json["handle"]!.GetValue<string>(), json["options"]!);
    }

    public static async Task<HttpResponseMessage> AddAsync(KithClient client, SoftwareAuthenticator authenticator, string name = "Laptop")
    {
        var (handle, options) = await OptionsAsync(client, ManagePage, "Options");
        return await client.PostFormAsync($"{ManagePage}?handler=Add",
            new Dictionary<string, string> { ["Handle"] = handle, ["Credential"] = authenticator.Create(options), ["Name"] = name }, ManagePage);
    }

    public static async Task<Dictionary<string, string>> SignInAssertionAsync(KithClient client, SoftwareAuthenticator authenticator)
    {
        var (handle, options) = await OptionsAsync(client, SignInPage, "Options");
        return new Dictionary<string, string> { ["Handle"] = handle, ["Credential"] = authenticator.Get(options) };
    }

    public static async Task<HttpResponseMessage> SignInAsync(KithClient client, SoftwareAuthenticator authenticator) =>
        await client.PostFormAsync(SignInPage, await SignInAssertionAsync(client, authenticator));

    public static async Task<HttpResponseMessage> ReauthenticateAsync(KithClient client, SoftwareAuthenticator authenticator, string returnUrl = "/")
    {
        var (handle, options) = await OptionsAsync(client, ReauthenticatePage, "PasskeyOptions");
        return await client.PostFormAsync($"{ReauthenticatePage}?handler=Passkey", new Dictionary<string, string>
        {
            ["Handle"] = handle,
            ["Credential"] = authenticator.Get(options),
            ["ReturnUrl"] = returnUrl,
        }, ReauthenticatePage);
    }
}
