using System.Net;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kith.Tests.Account.Passkeys.PasskeyFlows;

namespace Kith.Tests.Account.Passkeys;

public sealed class PasskeySignInGateTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task Deactivated_locked_and_unconfirmed_users_are_refused_like_on_the_password_path()
    {
        var (user, authenticator) = await UserWithPasskeyAsync();
        var id = await factory.IdOfAsync(user);

        await SetAsync(id, u => u.SetProperty(x => x.DeactivatedAt, DateTime.UnixEpoch));
        await AssertRefusedAsync(authenticator, PasskeySignInModel.FailureMessage);
        await SetAsync(id, u => u.SetProperty(x => x.DeactivatedAt, (DateTime?)null).SetProperty(x => x.LockoutEnd, DateTimeOffset.MaxValue));
        await AssertRefusedAsync(authenticator, PasskeySignInModel.FailureMessage);
        await SetAsync(id, u => u.SetProperty(x => x.LockoutEnd, (DateTimeOffset?)null).SetProperty(x => x.EmailConfirmed, false));
        await AssertRefusedAsync(authenticator, LoginModel.ConfirmFirstMessage);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.SignInUnconfirmed, id));
        Assert.Equal(3, await factory.QueryAsync(db => db.SecurityEvents.CountAsync(e =>
            e.UserId == id && (e.Type == SecurityEventTypes.PasskeySignInFailed || e.Type == SecurityEventTypes.SignInUnconfirmed), TestContext.Current.CancellationToken)));

        await SetAsync(id, u => u.SetProperty(x => x.EmailConfirmed, true));
        using var client = factory.CreateWebClient();
        using var accepted = await SignInAsync(client, authenticator);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task Options_need_the_antiforgery_token_the_manage_options_a_signed_in_user_and_pages_may_use_webauthn()
    {
        using var anonymous = factory.CreateWebClient();
        using (var page = await anonymous.GetAsync(SignInPage))
            Assert.Matches(@"(^|, )publickey-credentials-get=\(?self\)?(,|$)", page.Headers.GetValues("Permissions-Policy").Single());
        using (var noToken = await anonymous.PostFormWithoutTokenAsync($"{SignInPage}?handler=Options", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using (var manage = await anonymous.PostFormAsync($"{ManagePage}?handler=Options", new Dictionary<string, string>(), SignInPage))
            Assert.StartsWith("/account/login", manage.Headers.Location?.AbsolutePath ?? manage.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        using var signedInNoToken = await client.PostFormWithoutTokenAsync($"{ManagePage}?handler=Options", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, signedInNoToken.StatusCode);
    }

    [Fact]
    public async Task Malformed_expired_or_foreign_origin_answers_are_refused_without_a_server_error()
    {
        var (_, authenticator) = await UserWithPasskeyAsync();
        using var client = factory.CreateWebClient();

        foreach (var bad in new[] { "", "{", "{\"id\":1}", "[]", new string('x', 20_000) })
        {
            var assertion = await SignInAssertionAsync(client, authenticator);
            using var response = await client.PostFormAsync(SignInPage, new Dictionary<string, string>(assertion) { ["Credential"] = bad });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }
        using (var noHandle = await client.PostFormAsync(SignInPage, new Dictionary<string, string>(await SignInAssertionAsync(client, authenticator)) { ["Handle"] = "unknown" }))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noHandle.StatusCode);

        var expiring = await SignInAssertionAsync(client, authenticator);
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        using (var expired = await client.PostFormAsync(SignInPage, expiring))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, expired.StatusCode);

        using var phished = new SoftwareAuthenticator("https://kith.evil.example", "kith.test");
        var user = await TestUsers.CreateAsync(factory);
        using var owner = await TestUsers.SignedInClientAsync(factory, user);
        using (var added = await AddAsync(owner, phished))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, added.StatusCode);
        using var otherRp = new SoftwareAuthenticator(KithFactory.BaseUrl, "evil.example");
        using (var added = await AddAsync(owner, otherRp))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, added.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == db.Users.Single(u => u.Email == user.Email).Id, TestContext.Current.CancellationToken)));
    }

    private async Task<(TestUser User, SoftwareAuthenticator Authenticator)> UserWithPasskeyAsync()
    {
        var user = await TestUsers.CreateAsync(factory);
        var authenticator = NewAuthenticator();
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        using var added = await AddAsync(client, authenticator);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return (user, authenticator);
    }

    private async Task AssertRefusedAsync(SoftwareAuthenticator authenticator, string message)
    {
        using var client = factory.CreateWebClient();
        using var response = await SignInAsync(client, authenticator);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(message), await KithClient.BodyAsync(response), StringComparison.Ordinal);
    }

    private Task<int> SetAsync(Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<User>> set) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set, TestContext.Current.CancellationToken));
}
