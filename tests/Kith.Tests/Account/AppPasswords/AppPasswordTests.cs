using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Kith.Features.Account.AppPasswords;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Account.AppPasswords;

public sealed partial class AppPasswordTests(AppPasswordFactory factory) : IClassFixture<AppPasswordFactory>
{
    public const string Page = "/account/manage/app-passwords";

    [Fact]
    public async Task An_app_password_is_shown_once_and_stored_only_as_its_hash()
    {
        var (user, client, secret) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav, "Phone contacts");

        var page = await client.GetHtmlAsync(Page);
        Assert.Contains("Phone contacts", page, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        Assert.StartsWith(AppPasswordTokens.Prefix, secret, StringComparison.Ordinal);
        var stored = await factory.QueryAsync(db => db.AppPasswords.AsNoTracking().SingleAsync(p => p.UserId == user));
        Assert.Equal(32, stored.SecretHash.Length);
        Assert.DoesNotContain(Convert.ToBase64String(stored.SecretHash), secret, StringComparison.Ordinal);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.AppPasswordCreated, user));
    }

    [Fact]
    public async Task A_cardDav_app_password_reads_the_principal_and_address_books_but_not_calendars()
    {
        var (user, _, secret) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav);
        var email = await EmailOfAsync(user);

        using (var principal = await PropfindAsync("/dav/principals/", email, secret))
        {
            Assert.Equal(HttpStatusCode.MultiStatus, principal.StatusCode);
            var xml = await KithClient.BodyAsync(principal);
            Assert.Contains($"<d:current-user-principal><d:href>/dav/principals/{user}/</d:href>", xml, StringComparison.Ordinal);
            Assert.False(principal.Headers.Contains("Set-Cookie"));
        }
        using (var books = await PropfindAsync($"/dav/addressbooks/{user}/", email, secret))
            Assert.Equal(HttpStatusCode.MultiStatus, books.StatusCode);
        using (var calendars = await PropfindAsync($"/dav/calendars/{user}/", email, secret))
            AssertRefused(calendars);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.AppPasswordRefused, user));
    }

    [Fact]
    public async Task A_calDav_app_password_is_refused_on_address_books()
    {
        var (user, _, secret) = await UserWithAppPasswordAsync(AppPasswordScope.CalDav);
        var email = await EmailOfAsync(user);

        using (var calendars = await PropfindAsync($"/dav/calendars/{user}/", email, secret))
            Assert.Equal(HttpStatusCode.MultiStatus, calendars.StatusCode);
        using var books = await PropfindAsync($"/dav/addressbooks/{user}/", email, secret);
        AssertRefused(books);
    }

    [Fact]
    public async Task Another_users_collections_are_not_found()
    {
        var (user, _, secret) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav);
        var (other, _, _) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav);

        using var response = await PropfindAsync($"/dav/addressbooks/{other}/", await EmailOfAsync(user), secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_app_password_is_refused()
    {
        var (user, client, secret) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav);
        var email = await EmailOfAsync(user);
        var id = await factory.QueryAsync(db => db.AppPasswords.Where(p => p.UserId == user).Select(p => p.Id).SingleAsync());

        using (var revoke = await client.PostFormAsync(Page + "?handler=Revoke", new Dictionary<string, string> { ["RevokeId"] = id.ToString() }, Page))
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        using var response = await PropfindAsync("/dav/principals/", email, secret);
        AssertRefused(response);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.AppPasswordRevoked, user));
    }

    [Fact]
    public async Task Revoking_needs_a_recent_password()
    {
        var (user, client, secret) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav);
        var id = await factory.QueryAsync(db => db.AppPasswords.Where(p => p.UserId == user).Select(p => p.Id).SingleAsync());
        var token = await client.AntiforgeryTokenAsync(Page);

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        using var stale = await client.PostFormWithoutTokenAsync(Page + "?handler=Revoke",
            new Dictionary<string, string> { ["RevokeId"] = id.ToString(), ["__RequestVerificationToken"] = token });

        Assert.StartsWith("/account/reauthenticate", stale.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var still = await PropfindAsync("/dav/principals/", await EmailOfAsync(user), secret);
        Assert.Equal(HttpStatusCode.MultiStatus, still.StatusCode);
    }

    [Fact]
    public async Task The_account_password_a_wrong_secret_and_an_unknown_email_are_refused_without_password_hashing()
    {
        var (user, _, secret) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav);
        var email = await EmailOfAsync(user);
        var accountPassword = Passwords[user];
        var wrongSecret = secret[..^4] + (secret.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var before = factory.Hasher.Verifications;

        using (var account = await PropfindAsync("/dav/principals/", email, accountPassword)) AssertRefused(account);
        using (var wrong = await PropfindAsync("/dav/principals/", email, wrongSecret)) AssertRefused(wrong);
        using (var unknown = await PropfindAsync("/dav/principals/", TestUsers.NewEmail(), secret)) AssertRefused(unknown);
        using (var accepted = await PropfindAsync("/dav/principals/", email, secret)) Assert.Equal(HttpStatusCode.MultiStatus, accepted.StatusCode);

        Assert.Equal(before, factory.Hasher.Verifications);
        var reasons = await factory.QueryAsync(db => db.SecurityEvents.Where(e => e.UserId == user && e.Type == SecurityEventTypes.AppPasswordRefused).Select(e => e.Detail).ToListAsync());
        Assert.Contains("not an app password", reasons);
        Assert.Contains("wrong or revoked app password", reasons);
    }

    [Fact]
    public async Task The_hasher_wrapper_does_count_password_checks()
    {
        var before = factory.Hasher.Verifications;
        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        Assert.True(factory.Hasher.Verifications > before);
    }

    [Fact]
    public async Task A_session_cookie_is_not_accepted_on_dav()
    {
        var (user, client, _) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav);
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), "/dav/principals/");
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"Kith\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain(user.ToString(), await KithClient.BodyAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_user_is_refused()
    {
        var (user, _, secret) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.QueryAsync(db => db.Users.Where(u => u.Id == user).ExecuteUpdateAsync(u => u.SetProperty(x => x.DeactivatedAt, now)));

        using var response = await PropfindAsync("/dav/principals/", await EmailOfAsync(user), secret);
        AssertRefused(response);
    }

    [Fact]
    public async Task Last_used_is_recorded_at_most_every_few_minutes()
    {
        var (user, _, secret) = await UserWithAppPasswordAsync(AppPasswordScope.CardDav);
        var email = await EmailOfAsync(user);
        using (var first = await PropfindAsync("/dav/principals/", email, secret)) Assert.Equal(HttpStatusCode.MultiStatus, first.StatusCode);
        var firstUse = await LastUsedAsync(user);
        Assert.NotNull(firstUse);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var soon = await PropfindAsync("/dav/principals/", email, secret)) Assert.Equal(HttpStatusCode.MultiStatus, soon.StatusCode);
        Assert.Equal(firstUse, await LastUsedAsync(user));

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        using (var later = await PropfindAsync("/dav/principals/", email, secret)) Assert.Equal(HttpStatusCode.MultiStatus, later.StatusCode);
        Assert.True(await LastUsedAsync(user) > firstUse);
    }

    [Theory]
    [InlineData("/.well-known/carddav")]
    [InlineData("/.well-known/caldav")]
    public async Task Discovery_redirects_to_dav(string path)
    {
        using var client = factory.CreateWebClient();
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), path);
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/dav/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_nameless_app_password_is_refused_with_a_message()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        using var response = await client.PostFormAsync(Page + "?handler=Create", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Scope"] = "CardDav" }, Page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.AppPasswords.CountAsync(p => p.UserId == db.Users.Single(u => u.Email == user.Email).Id)));
    }

    private static readonly Dictionary<Guid, string> Passwords = [];

    private async Task<(Guid User, KithClient Client, string Secret)> UserWithAppPasswordAsync(AppPasswordScope scope, string name = "Sync")
    {
        var user = await TestUsers.CreateAsync(factory);
        var client = await TestUsers.SignedInClientAsync(factory, user);
        using var response = await client.PostFormAsync(Page + "?handler=Create", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Scope"] = scope.ToString(),
        }, Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = TestSecrets.Remember(WebUtility.HtmlDecode(SecretPattern().Match(await KithClient.BodyAsync(response)).Groups[1].Value));
        Assert.NotEmpty(secret);
        var id = await factory.IdOfAsync(user);
        lock (Passwords) Passwords[id] = user.Password;
        return (id, client, secret);
    }

    private Task<string> EmailOfAsync(Guid user) => factory.QueryAsync(db => db.Users.Where(u => u.Id == user).Select(u => u.Email!).SingleAsync());

    private Task<DateTime?> LastUsedAsync(Guid user) => factory.QueryAsync(db => db.AppPasswords.Where(p => p.UserId == user).Select(p => p.LastUsedAt).SingleAsync());

    private async Task<HttpResponseMessage> PropfindAsync(string path, string email, string password)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), path)
        {
            Content = new StringContent("<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:prop><d:current-user-principal/></d:prop></d:propfind>", Encoding.UTF8, "application/xml"),
        };
        request.Headers.Add("Depth", "0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}")));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"Kith\", charset=\"UTF-8\"", response.Headers.WwwAuthenticate.ToString());
    }

    [GeneratedRegex("<code id=\"new-app-password\">([^<]+)</code>")]
    private static partial Regex SecretPattern();
}
