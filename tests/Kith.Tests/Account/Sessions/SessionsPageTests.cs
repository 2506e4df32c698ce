using System.Net;
using System.Text.RegularExpressions;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Account.Sessions;

public sealed partial class SessionsPageTests(KithFactory factory) : IClassFixture<KithFactory>
{
    public const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    public const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public const string Safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task The_page_lists_each_session_with_its_device_and_marks_this_one()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var here = await SignedInAsync(factory, user, Firefox);
        using var elsewhere = await SignedInAsync(factory, user, Chrome);

        var html = await here.GetHtmlAsync("/account/manage/sessions");

        var rows = SessionRow().Matches(html).Select(m => m.Value).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Firefox on Linux", rows[0], StringComparison.Ordinal);
        Assert.Contains("This session", rows[0], StringComparison.Ordinal);
        Assert.Contains("Chrome on Windows", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("This session", rows[1], StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "This session"));
    }

    [Fact]
    public async Task Revoking_a_session_ends_it_on_its_next_request_and_keeps_this_one()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var here = await SignedInAsync(factory, user, Firefox);
        using var elsewhere = await SignedInAsync(factory, user, Chrome);
        var target = await SessionIdAsync(factory, user, Chrome);

        using (var revoked = await here.PostFormAsync("/account/manage/sessions?handler=Revoke", new Dictionary<string, string> { ["sessionId"] = target.ToString() }, "/account/manage/sessions"))
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        using var next = await elsewhere.GetAsync("/account/manage/password");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/account/login", next.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account/manage/password")).StatusCode);
        var userId = await factory.IdOfAsync(user);
        Assert.True(await factory.QueryAsync(db => db.SecurityEvents.AnyAsync(e => e.Type == SecurityEventTypes.SessionRevoked && e.UserId == userId && e.Detail!.StartsWith("Chrome on Windows"))));
    }

    [Fact]
    public async Task Signing_out_all_other_sessions_ends_every_one_but_this()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var here = await SignedInAsync(factory, user, Firefox);
        using var second = await SignedInAsync(factory, user, Chrome);
        using var third = await SignedInAsync(factory, user, Safari);

        using (var response = await here.PostFormAsync("/account/manage/sessions?handler=RevokeOthers", new Dictionary<string, string>(), "/account/manage/sessions"))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/account/manage/password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/account/manage/password")).StatusCode);
        var html = await here.GetHtmlAsync("/account/manage/sessions");
        Assert.Single(SessionRow().Matches(html));
        Assert.Contains("2 other sessions were signed out", html, StringComparison.Ordinal);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.SessionsRevoked, await factory.IdOfAsync(user)));
    }

    [Fact]
    public async Task Another_users_session_id_is_not_found_and_that_session_goes_on()
    {
        var alice = await TestUsers.CreateAsync(factory);
        var bob = await TestUsers.CreateAsync(factory);
        using var alices = await SignedInAsync(factory, alice, Firefox);
        using var bobs = await SignedInAsync(factory, bob, Chrome);
        var bobsSession = await SessionIdAsync(factory, bob, Chrome);

        using var response = await alices.PostFormAsync("/account/manage/sessions?handler=Revoke", new Dictionary<string, string> { ["sessionId"] = bobsSession.ToString() }, "/account/manage/sessions");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bobs.GetAsync("/account/manage/password")).StatusCode);
        Assert.DoesNotContain(bobsSession.ToString(), await alices.GetHtmlAsync("/account/manage/sessions"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("0197a0b8-0000-7000-8000-000000000000")]
    public async Task A_missing_or_unknown_session_id_is_not_found(string sessionId)
    {
        using var client = await SignedInAsync(factory, await TestUsers.CreateAsync(factory), Firefox);
        using var response = await client.PostFormAsync("/account/manage/sessions?handler=Revoke", new Dictionary<string, string> { ["sessionId"] = sessionId }, "/account/manage/sessions");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static async Task<KithClient> SignedInAsync(KithFactory factory, TestUser user, string userAgent)
    {
        var client = factory.CreateWebClient();
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        using var response = await TestUsers.SignInAsync(client, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<Guid> SessionIdAsync(KithFactory factory, TestUser user, string userAgent)
    {
        var userId = await factory.IdOfAsync(user);
        return await factory.QueryAsync(db => db.UserSessions.Where(s => s.UserId == userId && s.UserAgent == userAgent).Select(s => s.Id).SingleAsync());
    }

    [GeneratedRegex("<tr data-session=[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex SessionRow();
}
