using System.Net;
using System.Text.RegularExpressions;
using Kith.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Admin;

/// <summary>A Kith host whose first user, created before any test (so the instance administrator), signs in on demand.</summary>
public class AdminFactory : KithFactory, IAsyncLifetime
{
    public TestUser Administrator { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync() => Administrator = await TestUsers.CreateAsync(this, name: "Ines Instance");

    public Task<KithClient> AdminClientAsync() => TestUsers.SignedInClientAsync(this, Administrator);
}

public sealed record CheckLine(string Status, string Text);

public static partial class SecurityCheckPage
{
    /// <summary>Each check on /admin/security-check by id: "pass" or "fail", and the text shown for it.</summary>
    public static async Task<IReadOnlyDictionary<string, CheckLine>> ReadAsync(KithClient client, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/security-check");
        foreach (var (name, value) in headers ?? []) request.Headers.Add(name, value);
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await KithClient.BodyAsync(response);
        var checks = CheckPattern().Matches(html).ToDictionary(m => m.Groups[1].Value,
            m => new CheckLine(m.Groups[2].Value, WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(m.Groups[3].Value, " "), " ").Trim())));
        Assert.Equal(10, checks.Count);
        return checks;
    }

    public static async Task<CheckLine> ReadAsync(KithClient client, string id) => (await ReadAsync(client))[id];

    [GeneratedRegex("data-check=\"([a-z-]+)\" data-status=\"(pass|fail)\">(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex CheckPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}

/// <summary>
/// Every request appears to come from <see cref="ProxyAddress"/>, as if through a reverse proxy on another machine.
/// The address is a documentation one (TEST-NET-1): it is only written into the request, never contacted.
/// </summary>
public abstract class ProxiedAdminFactory : AdminFactory
{
    public const string ProxyAddress = "192.0.2.10";

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, FromProxy>();

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate rest) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ProxyAddress);
                return rest(context);
            });
            next(app);
        };
    }
}

public sealed class UnlistedProxyFactory : ProxiedAdminFactory;

public sealed class ListedProxyFactory : ProxiedAdminFactory
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Kith:TrustedProxies"] = ProxyAddress;
}

public sealed class PlainHttpBaseUrlFactory : AdminFactory
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Kith:BaseUrl"] = "http://kith.test";
}

/// <summary>Kith tried out on the machine itself over http://localhost, as the README's first command serves it.</summary>
public sealed partial class LocalPlainHttpFactory : AdminFactory
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Kith:BaseUrl"] = "http://localhost:5000";

    /// <summary>
    /// The administrator's session over plain http://localhost. Browsers send Secure cookies to localhost;
    /// HttpClient's cookie store does not, so the cookies are carried by hand.
    /// </summary>
    public async Task<KithClient> PlainHttpAdminClientAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        using var https = CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var form = await https.GetAsync("/account/login", ct);
        var token = WebUtility.HtmlDecode(Token().Match(await KithClient.BodyAsync(form)).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Administrator.Email,
                ["Input.Password"] = Administrator.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", CookiesOf(form));
        using var signedIn = await https.SendAsync(post, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var plain = CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        plain.DefaultRequestHeaders.Add("Cookie", CookiesOf(signedIn));
        return new KithClient(plain);
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class DevelopmentFactory : AdminFactory
{
    protected override string EnvironmentName => "Development";
}

/// <summary>The master key in its own owner-only folder outside the data directory, as the README tells operators.</summary>
public sealed class KeyOutsideDataFactory : AdminFactory
{
    public string KeyFile { get; } = Path.Combine(Directory.CreateTempSubdirectory("kith-key-").FullName, "master.key");

    protected override void Configure(Dictionary<string, string?> settings)
    {
        if (!File.Exists(KeyFile))
        {
            File.WriteAllText(KeyFile, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        settings["Kith:MasterKeyFile"] = KeyFile;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Directory.Delete(Path.GetDirectoryName(KeyFile)!, recursive: true);
    }
}
