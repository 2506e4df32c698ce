using System.Net;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Account.Sessions;

public sealed class SessionClockTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task Revoking_a_session_ten_minutes_after_sign_in_asks_for_the_password_first()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var here = await SessionsPageTests.SignedInAsync(factory, user, SessionsPageTests.Firefox);
        using var elsewhere = await SessionsPageTests.SignedInAsync(factory, user, SessionsPageTests.Chrome);
        var target = await SessionsPageTests.SessionIdAsync(factory, user, SessionsPageTests.Chrome);
        var token = await here.AntiforgeryTokenAsync("/account/manage/sessions");
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        foreach (var handler in new[] { "Revoke", "RevokeOthers" })
        {
            using var stale = await here.PostFormWithoutTokenAsync($"/account/manage/sessions?handler={handler}",
                new Dictionary<string, string> { ["sessionId"] = target.ToString(), ["__RequestVerificationToken"] = token });
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
            Assert.StartsWith("/account/reauthenticate?returnUrl=%2Faccount%2Fmanage%2Fsessions", stale.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/account/manage/password")).StatusCode);

        using (var proved = await here.PostFormAsync("/account/reauthenticate", new Dictionary<string, string> { ["Password"] = user.Password, ["ReturnUrl"] = "/account/manage/sessions" }))
            Assert.Equal(HttpStatusCode.Redirect, proved.StatusCode);
        using var fresh = await here.PostFormWithoutTokenAsync("/account/manage/sessions?handler=Revoke",
            new Dictionary<string, string> { ["sessionId"] = target.ToString(), ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/account/manage/password")).StatusCode);
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute_and_shown()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = await SessionsPageTests.SignedInAsync(factory, user, SessionsPageTests.Firefox);
        var id = await SessionsPageTests.SessionIdAsync(factory, user, SessionsPageTests.Firefox);
        var signedInAt = await LastSeenAsync(id);

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await client.GetHtmlAsync("/account/manage/sessions");
        Assert.Equal(signedInAt, await LastSeenAsync(id));

        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var html = await client.GetHtmlAsync("/account/manage/sessions");
        var seen = await LastSeenAsync(id);
        Assert.True(seen > signedInAt.AddMinutes(3));
        Assert.Contains(seen.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Changing_the_password_ends_the_other_sessions_only_when_asked(bool signOutEverywhereElse)
    {
        var user = await TestUsers.CreateAsync(factory);
        using var here = await SessionsPageTests.SignedInAsync(factory, user, SessionsPageTests.Firefox);
        using var elsewhere = await SessionsPageTests.SignedInAsync(factory, user, SessionsPageTests.Chrome);
        var newPassword = TestUsers.NewPassword();

        using (var changed = await here.PostFormAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
            ["Input.SignOutOtherSessions"] = signOutEverywhereElse ? "true" : "false",
        }))
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // Past the security-stamp check interval: a session still holding the old stamp would be refused now.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        using var other = await elsewhere.GetAsync("/account/manage/password");
        Assert.Equal(signOutEverywhereElse ? HttpStatusCode.Redirect : HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account/manage/password")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(signOutEverywhereElse ? HttpStatusCode.Redirect : HttpStatusCode.OK, (await elsewhere.GetAsync("/account/manage/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account/manage/sessions")).StatusCode);
    }

    [Fact]
    public async Task The_password_form_offers_signing_out_everywhere_else_ticked()
    {
        using var client = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));
        var html = await client.GetHtmlAsync("/account/manage/password");
        Assert.Matches("<input[^>]*checked=\"checked\"[^>]*name=\"Input.SignOutOtherSessions\"|<input[^>]*name=\"Input.SignOutOtherSessions\"[^>]*checked=\"checked\"", html);
        Assert.Contains("Sign out everywhere else", html, StringComparison.Ordinal);
    }

    private Task<DateTime> LastSeenAsync(Guid id) => factory.QueryAsync(db => db.UserSessions.Where(s => s.Id == id).Select(s => s.LastSeenAt).SingleAsync());
}
