using System.Net;
using System.Text.RegularExpressions;

namespace Kith.Tests.Infrastructure;

/// <summary>An HttpClient that behaves like a form-filling browser: it keeps cookies and sends antiforgery tokens.</summary>
public sealed partial class KithClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path, TestContext.Current.CancellationToken);

    public async Task<string> GetHtmlAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public async Task<string> AntiforgeryTokenAsync(string formPage)
    {
        var html = await GetHtmlAsync(formPage);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"{formPage} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IReadOnlyDictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(formPage ?? path);
        return await PostFormWithoutTokenAsync(path, new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
    }

    public Task<HttpResponseMessage> PostFormWithoutTokenAsync(string path, IReadOnlyDictionary<string, string> fields) =>
        http.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    public static async Task<string> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
