using System.Net;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Account;

public sealed class SignInTests(KithFactory factory) : IClassFixture<KithFactory>
{
    [Fact]
    public async Task The_session_cookie_is_host_prefixed_secure_httponly_and_lax()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();

        using var response = await TestUsers.SignInAsync(client, user.Email, user.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountSetup.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_host_prefixed_secure_and_strict()
    {
        using var client = factory.CreateWebClient();
        using var response = await client.GetAsync("/account/login");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-kith-af=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task After_sign_out_a_replayed_session_cookie_gets_the_login_page()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();
        using var signIn = await TestUsers.SignInAsync(client, user.Email, user.Password);
        var sessionCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountSetup.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        using (var before = await Replay(sessionCookie)) Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var userId = (await factory.UserAsync(user.Email))!.Id;
        Assert.Equal(1, await factory.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == userId)));

        using var signOut = await client.PostFormAsync("/account/logout", new Dictionary<string, string>(), formPage: "/account/manage/password");
        Assert.True(signOut.StatusCode == HttpStatusCode.Redirect, await KithClient.BodyAsync(signOut));

        Assert.Equal(0, await factory.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == userId)));
        using var after = await Replay(sessionCookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.SignedOut));
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();

        using var unknown = await TestUsers.SignInAsync(client, TestUsers.NewEmail(), "some long wrong password");
        using var wrong = await TestUsers.SignInAsync(client, user.Email, "some long wrong password");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Contains(WebEncoded(LoginModel.FailureMessage), await KithClient.BodyAsync(unknown), StringComparison.Ordinal);
        Assert.Contains(WebEncoded(LoginModel.FailureMessage), await KithClient.BodyAsync(wrong), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_on_every_password_path_count_toward_one_lockout()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        using var other = factory.CreateWebClient();

        for (var i = 0; i < 2; i++)
        {
            using var wrongCurrent = await client.PostFormAsync("/account/manage/password", new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = "definitely not the password",
                ["Input.NewPassword"] = "another fine long passphrase",
                ["Input.ConfirmPassword"] = "another fine long passphrase",
            });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongCurrent.StatusCode);
        }
        for (var i = 0; i < 3; i++)
        {
            using var wrongLogin = await TestUsers.SignInAsync(other, user.Email, "definitely not the password");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongLogin.StatusCode);
        }

        using var rightPassword = await TestUsers.SignInAsync(other, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rightPassword.StatusCode);
        var stored = await factory.UserAsync(user.Email);
        Assert.NotNull(stored?.LockoutEnd);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.LockedOut, stored.Id));
    }

    [Fact]
    public async Task Passwords_are_hashed_with_210000_iterations_and_older_hashes_are_upgraded_at_sign_in()
    {
        var user = await TestUsers.CreateAsync(factory);
        var stored = await factory.UserAsync(user.Email);
        Assert.Equal(210_000, Iterations(stored!.PasswordHash!));

        var weakHasher = new PasswordHasher<User>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        var oldHash = weakHasher.HashPassword(stored, user.Password);
        await factory.QueryAsync(db => db.Users.Where(u => u.Id == stored.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, oldHash)));
        Assert.Equal(100_000, Iterations((await factory.UserAsync(user.Email))!.PasswordHash!));

        using var client = await TestUsers.SignedInClientAsync(factory, user);

        Assert.Equal(210_000, Iterations((await factory.UserAsync(user.Email))!.PasswordHash!));
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_refused_and_logged()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();
        await client.GetHtmlAsync("/account/login");

        using var response = await client.PostFormWithoutTokenAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(AccountSetup.CookieName, StringComparison.Ordinal));
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.AntiforgeryFailed));
    }

    [Fact]
    public async Task An_antiforgery_token_issued_to_one_user_is_refused_for_another()
    {
        var alice = await TestUsers.CreateAsync(factory);
        var bob = await TestUsers.CreateAsync(factory);
        // One browser, so one antiforgery cookie: only the token's binding to the signed-in user can refuse it.
        using var browser = await TestUsers.SignedInClientAsync(factory, alice);
        var alicesToken = await browser.AntiforgeryTokenAsync("/account/manage/password");
        using (var switched = await TestUsers.SignInAsync(browser, bob.Email, bob.Password))
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        using var response = await browser.PostFormWithoutTokenAsync("/account/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = alicesToken });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/manage/password")).StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_looks_like_any_failure_and_counts_toward_lockout()
    {
        using var client = factory.CreateWebClient();
        var email = TestUsers.NewEmail();
        var password = TestUsers.NewPassword();
        using (var registered = await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Una Confirmed",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }
        await factory.Mailbox.WaitForAsync(email, "Confirm your email");

        using var wrong = await TestUsers.SignInAsync(client, email, "a wrong but long password");

        var body = await KithClient.BodyAsync(wrong);
        Assert.Contains(WebEncoded(LoginModel.FailureMessage), body, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm your email", body, StringComparison.Ordinal);
        Assert.Equal(1, (await factory.UserAsync(email))!.AccessFailedCount);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Single(factory.Mailbox.To(email));

        using var right = await TestUsers.SignInAsync(client, email, password);
        Assert.Contains(WebEncoded(LoginModel.ConfirmFirstMessage), await KithClient.BodyAsync(right), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_answers_like_an_unknown_email()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();
        for (var i = 0; i < 5; i++) (await TestUsers.SignInAsync(client, user.Email, "a wrong but long password")).Dispose();

        using var locked = await TestUsers.SignInAsync(client, user.Email, user.Password);
        using var unknown = await TestUsers.SignInAsync(client, TestUsers.NewEmail(), user.Password);

        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Contains(WebEncoded(LoginModel.FailureMessage), await KithClient.BodyAsync(locked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_for_signed_in_users_are_never_stored_by_caches()
    {
        using var client = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));
        using var response = await client.GetAsync("/account/manage/password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_only_happens_by_post()
    {
        using var client = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));
        using var get = await client.GetAsync("/account/logout");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage/password")).StatusCode);
    }

    private async Task<HttpResponseMessage> Replay(string cookie)
    {
        using var bare = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/manage/password");
        request.Headers.Add("Cookie", cookie);
        return await bare.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string WebEncoded(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
    }
}
