using System.Net;
using System.Net.Http.Headers;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Web;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Web;

public sealed class LowRateLimitFactory : KithFactory
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kith:Limits:AuthRequestsPerMinute"] = "3";
        settings["Kith:Limits:PostsPerMinute"] = "5";
    }
}

public sealed class RateLimitTests(LowRateLimitFactory factory) : IClassFixture<LowRateLimitFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_retry_after_and_are_logged()
    {
        using var client = factory.CreateWebClient();
        var token = await client.AntiforgeryTokenAsync("/account/login");
        var form = new Dictionary<string, string>
        {
            ["Input.Email"] = TestUsers.NewEmail(),
            ["Input.Password"] = "whatever long password",
            ["__RequestVerificationToken"] = token,
        };
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.PostFormWithoutTokenAsync("/account/login", form);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, allowed.StatusCode);
        }

        using var limited = await client.PostFormWithoutTokenAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.RateLimited));
        using var pagesStillLoad = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, pagesStillLoad.StatusCode);
    }
}

public sealed class PostRateLimitTests(LowRateLimitFactory factory) : IClassFixture<LowRateLimitFactory>
{
    [Fact]
    public async Task Every_anonymous_post_is_limited_so_rejections_cannot_flood_the_log()
    {
        using var client = factory.CreateWebClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await client.PostFormWithoutTokenAsync("/account/logout", new Dictionary<string, string>());
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var logged = await factory.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Type == SecurityEventTypes.AntiforgeryFailed));
        Assert.Equal(1, logged);
    }
}

public sealed class RequestLimitTests(KithFactory factory) : IClassFixture<KithFactory>
{
    [Fact]
    public async Task An_oversized_body_gets_413_problem_details_and_writes_nothing()
    {
        using var client = factory.CreateWebClient();
        var token = await client.AntiforgeryTokenAsync("/account/register");
        var email = TestUsers.NewEmail();
        var password = TestUsers.NewPassword();

        using var response = await client.PostFormWithoutTokenAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = new string('x', 1_100_000),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["__RequestVerificationToken"] = token,
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await factory.UserAsync(email));
    }

    [Fact]
    public async Task Csp_reports_are_accepted_counted_and_logged()
    {
        using var client = factory.CreateWebClient();
        var violations = factory.Service<CspViolations>();
        var before = violations.Count;
        using var report = new StringContent("""{"csp-report":{"document-uri":"https://kith.test/","violated-directive":"script-src"}}""");
        report.Headers.ContentType = new MediaTypeHeaderValue("application/csp-report");

        using var response = await client.Http.PostAsync(SecurityHeadersSetup.CspReportPath, report, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(before + 1, violations.Count);
    }

    [Fact]
    public async Task A_csp_report_of_another_media_type_gets_415()
    {
        using var client = factory.CreateWebClient();
        using var body = new StringContent("not a report");
        using var response = await client.Http.PostAsync(SecurityHeadersSetup.CspReportPath, body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/error/0")]
    [InlineData("/error/99999")]
    [InlineData("/error/200")]
    public async Task Error_page_addresses_outside_error_codes_are_not_found(string path)
    {
        using var client = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        using var client = factory.CreateWebClient();
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        HttpStatusCode ready = default;
        for (var i = 0; i < 50 && ready != HttpStatusCode.OK; i++)
        {
            using var response = await client.GetAsync("/health/ready");
            ready = response.StatusCode;
            if (ready != HttpStatusCode.OK) await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Equal(HttpStatusCode.OK, ready);
    }

    [Fact]
    public async Task Security_events_record_who_and_when_for_each_sign_in_attempt()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();
        using var _ = await TestUsers.SignInAsync(client, user.Email, "a wrong but long password");
        var id = (await factory.UserAsync(user.Email))!.Id;
        var events = await factory.QueryAsync(db => db.SecurityEvents.Where(e => e.UserId == id && e.Type == SecurityEventTypes.SignInFailed).ToListAsync());
        var failure = Assert.Single(events);
        Assert.NotNull(failure.CorrelationId);
        Assert.True(failure.OccurredAt > DateTime.MinValue);
    }
}
