using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Web;

/// <summary>Real Kestrel on loopback, so the remote address is real and X-Forwarded-For can be judged.</summary>
public class KestrelFactory : KithFactory
{
    public KestrelFactory() => UseKestrel(0);

    protected override void Configure(Dictionary<string, string?> settings) => settings["Kith:BaseUrl"] = "http://127.0.0.1";

    public Uri Address()
    {
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}

public sealed class TrustedProxyFactory : KestrelFactory
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Kith:TrustedProxies"] = "127.0.0.1, ::1";
    }
}

public sealed class UntrustedForwardedHeadersTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task Forwarded_headers_from_an_unlisted_address_are_ignored()
    {
        var ip = await ForwardedHeadersTests.RecordedAddressOfASignInFromAsync(factory, "203.0.113.9");
        Assert.True(ip is "127.0.0.1" or "::1", ip);
    }

    [Fact]
    public async Task Kestrel_sends_no_server_banner()
    {
        using var client = factory.CreateClient(new() { BaseAddress = factory.Address() });
        using var response = await client.GetAsync("/account/login", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
    }
}

public sealed class ForwardedHeadersTests(TrustedProxyFactory factory) : IClassFixture<TrustedProxyFactory>
{
    [Fact]
    public async Task Forwarded_headers_from_a_trusted_proxy_set_the_client_address()
    {
        Assert.Equal("203.0.113.9", await RecordedAddressOfASignInFromAsync(factory, "203.0.113.9"));
    }

    internal static async Task<string?> RecordedAddressOfASignInFromAsync(KestrelFactory factory, string forwardedFor)
    {
        var address = factory.Address();
        var user = await TestUsers.CreateAsync(factory);
        using var http = factory.CreateClient(new() { BaseAddress = address, AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        using var client = new KithClient(http);
        using var response = await TestUsers.SignInAsync(client, user.Email, "a wrong but long password");
        var id = (await factory.UserAsync(user.Email))!.Id;
        return await factory.QueryAsync(db => db.SecurityEvents.Where(e => e.UserId == id && e.Type == SecurityEventTypes.SignInFailed)
            .Select(e => e.IpAddress).SingleAsync());
    }
}
