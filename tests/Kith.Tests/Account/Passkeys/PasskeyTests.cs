using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;
using static Kith.Tests.Account.Passkeys.PasskeyFlows;

namespace Kith.Tests.Account.Passkeys;

public sealed class PasskeyTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task A_passkey_added_on_the_manage_page_signs_in_without_a_password()
    {
        var user = await TestUsers.CreateAsync(factory);
        var userId = await factory.IdOfAsync(user);
        using var authenticator = NewAuthenticator();
        using (var client = await TestUsers.SignedInClientAsync(factory, user))
        {
            using var added = await AddAsync(client, authenticator, "Work laptop");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            Assert.Contains("Work laptop", await client.GetHtmlAsync(ManagePage), StringComparison.Ordinal);
        }
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.PasskeyAdded, userId));

        using var anonymous = factory.CreateWebClient();
        using var signedIn = await SignInAsync(anonymous, authenticator);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        using var page = await anonymous.GetAsync(ManagePage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.PasskeySignInSucceeded, userId));
    }

    [Fact]
    public async Task A_replayed_assertion_is_refused_even_from_an_authenticator_without_a_signature_counter()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var authenticator = NewAuthenticator(countsSignatures: false);
        using (var client = await TestUsers.SignedInClientAsync(factory, user))
        using (var added = await AddAsync(client, authenticator))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        using var first = factory.CreateWebClient();
        var assertion = await SignInAssertionAsync(first, authenticator);
        using (var accepted = await first.PostFormAsync(SignInPage, assertion))
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        using var attacker = factory.CreateWebClient();
        using (var sameChallenge = await attacker.PostFormAsync(SignInPage, assertion))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, sameChallenge.StatusCode);
        // A fresh challenge does not rescue the old signature either: it signed the old one.
        var (handle, _) = await OptionsAsync(attacker, SignInPage, "Options");
        using (var newChallenge = await attacker.PostFormAsync(SignInPage, new Dictionary<string, string>(assertion) { ["Handle"] = handle }))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, newChallenge.StatusCode);
        using var stillAnonymous = await attacker.GetAsync(ManagePage);
        Assert.Equal(HttpStatusCode.Redirect, stillAnonymous.StatusCode);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.PasskeySignInFailed));
    }

    [Fact]
    public async Task Another_users_passkey_does_not_re_authenticate_me()
    {
        var ada = await TestUsers.CreateAsync(factory);
        var bea = await TestUsers.CreateAsync(factory);
        using var adasKey = NewAuthenticator();
        using var beasKey = NewAuthenticator();
        using (var adaClient = await TestUsers.SignedInClientAsync(factory, ada))
        using (var added = await AddAsync(adaClient, adasKey))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using var bea_ = await TestUsers.SignedInClientAsync(factory, bea);
        using (var added = await AddAsync(bea_, beasKey))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        using (var foreign = await ReauthenticateAsync(bea_, adasKey))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        using (var stillStale = await bea_.PostFormAsync($"{ManagePage}?handler=Options", new Dictionary<string, string>(), ManagePage))
            Assert.StartsWith(ReauthenticatePage, stillStale.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.ReauthenticationFailed, await factory.IdOfAsync(bea)));

        using var own = await ReauthenticateAsync(bea_, beasKey, ManagePage);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(ManagePage, own.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_passkey_is_renamed_and_removed_only_in_sudo_mode_and_a_removed_one_no_longer_signs_in()
    {
        var user = await TestUsers.CreateAsync(factory);
        var userId = await factory.IdOfAsync(user);
        using var authenticator = NewAuthenticator();
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        using (var added = await AddAsync(client, authenticator))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(authenticator.CredentialId);

        using (var renamed = await client.PostFormAsync($"{ManagePage}?handler=Rename", new Dictionary<string, string> { ["PasskeyId"] = id, ["Name"] = "Phone" }, ManagePage))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("value=\"Phone\"", await client.GetHtmlAsync(ManagePage), StringComparison.Ordinal);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.PasskeyRenamed, userId));

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        using (var stale = await client.PostFormAsync($"{ManagePage}?handler=Remove", new Dictionary<string, string> { ["PasskeyId"] = id }, ManagePage))
            Assert.StartsWith(ReauthenticatePage, stale.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("value=\"Phone\"", await client.GetHtmlAsync(ManagePage), StringComparison.Ordinal);

        using (var reauthenticated = await ReauthenticateAsync(client, authenticator, ManagePage))
            Assert.Equal(HttpStatusCode.Redirect, reauthenticated.StatusCode);
        using (var removed = await client.PostFormAsync($"{ManagePage}?handler=Remove", new Dictionary<string, string> { ["PasskeyId"] = id }, ManagePage))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("value=\"Phone\"", await client.GetHtmlAsync(ManagePage), StringComparison.Ordinal);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.PasskeyRemoved, userId));

        using var anonymous = factory.CreateWebClient();
        using var refused = await SignInAsync(anonymous, authenticator);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task Another_users_passkey_cannot_be_renamed_or_removed()
    {
        var ada = await TestUsers.CreateAsync(factory);
        var bea = await TestUsers.CreateAsync(factory);
        using var adasKey = NewAuthenticator();
        using (var adaClient = await TestUsers.SignedInClientAsync(factory, ada))
        using (var added = await AddAsync(adaClient, adasKey, "Ada's key"))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(adasKey.CredentialId);

        using var beaClient = await TestUsers.SignedInClientAsync(factory, bea);
        using (var rename = await beaClient.PostFormAsync($"{ManagePage}?handler=Rename", new Dictionary<string, string> { ["PasskeyId"] = id, ["Name"] = "Mine" }, ManagePage))
            Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        using (var remove = await beaClient.PostFormAsync($"{ManagePage}?handler=Remove", new Dictionary<string, string> { ["PasskeyId"] = id }, ManagePage))
            Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        using (var malformed = await beaClient.PostFormAsync($"{ManagePage}?handler=Remove", new Dictionary<string, string> { ["PasskeyId"] = "%%%" }, ManagePage))
            Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);

        using var anonymous = factory.CreateWebClient();
        using var stillWorks = await SignInAsync(anonymous, adasKey);
        Assert.Equal(HttpStatusCode.Redirect, stillWorks.StatusCode);
    }
}
