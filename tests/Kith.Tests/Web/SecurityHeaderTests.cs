using System.Net;
using Kith.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Web;

/// <summary>Adds a test-only path that throws, behind the whole production pipeline, to exercise the 500 page.</summary>
public sealed class ThrowingFactory : KithFactory
{
    public const string ThrowPath = "/__test/throw";

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, ThrowAfterPipeline>();

    private sealed class ThrowAfterPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate rest) =>
                context.Request.Path == ThrowPath ? throw new InvalidOperationException("boom: secret-stack-detail") : rest(context));
        };
    }
}

public sealed class SecurityHeaderTests(ThrowingFactory factory) : IClassFixture<ThrowingFactory>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/password-strength.js", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData(ThrowingFactory.ThrowPath, HttpStatusCode.InternalServerError)]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode expected)
    {
        // Not localhost: HSTS is (rightly) never sent to localhost, and this checks it everywhere else.
        using var client = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory), host: "kith.example.org");

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'",
                     "frame-ancestors 'none'", "form-action 'self'", "require-trusted-types-for 'script'", "report-uri /csp-report" })
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Resource-Policy"));
        Assert.Equal("max-age=31536000; includeSubDomains", Header(response, "Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task An_error_page_shows_a_reference_and_never_the_exception()
    {
        using var client = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));

        using var response = await client.GetAsync(ThrowingFactory.ThrowPath);
        var body = await KithClient.BodyAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Reference:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-stack-detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Kith", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_is_sent_for_any_host_over_https_and_never_over_http()
    {
        using var https = factory.CreateWebClient(host: "kith.example.org");
        using var overHttps = await https.GetAsync("/account/login");
        Assert.Equal("max-age=31536000; includeSubDomains", Header(overHttps, "Strict-Transport-Security"));

        using var http = factory.CreateClient(new() { BaseAddress = new Uri("http://kith.example.org"), AllowAutoRedirect = false });
        using var overHttp = await http.GetAsync("/account/login", TestContext.Current.CancellationToken);
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_deployed_instance_sends_plain_http_to_https_but_health_probes_stay_on_http()
    {
        using var http = factory.CreateClient(new() { BaseAddress = new Uri("http://kith.example.org"), AllowAutoRedirect = false });

        using var page = await http.GetAsync("/account/login", TestContext.Current.CancellationToken);
        using var health = await http.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.PermanentRedirect, page.StatusCode);
        Assert.Equal("https://kith.example.org/account/login", page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");
}
