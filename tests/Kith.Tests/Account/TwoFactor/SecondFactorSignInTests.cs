using System.Net;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Account.TwoFactor;

public sealed class SecondFactorSignInTests(MfaFactory factory) : IClassFixture<MfaFactory>
{
    private async Task<(TestUser User, Guid Id, Enrolment Enrolment)> EnrolledUserAsync()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        var enrolment = await Mfa.EnrolAsync(client, factory.Clock);
        // Move past the step used to confirm, so every step around "now" is still unused.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        return (user, await factory.IdOfAsync(user), enrolment);
    }

    private Task<int> CountAsync(string type, Guid userId) => factory.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Type == type && e.UserId == userId));

    [Fact]
    public async Task Codes_two_steps_away_are_refused_one_step_away_accepted_and_a_used_step_never_again()
    {
        var (user, id, enrolment) = await EnrolledUserAsync();

        using var first = await Mfa.PasswordStepAsync(factory, user);
        foreach (var offset in new[] { -2, 2 })
        {
            using var refused = await Mfa.SecondFactorAsync(first, Mfa.CodeAt(enrolment.Seed, factory.Clock, offset));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(TwoFactorModel.FailureMessage), await KithClient.BodyAsync(refused), StringComparison.Ordinal);
        }
        Assert.False(await Mfa.IsSignedInAsync(first));
        using (var accepted = await Mfa.SecondFactorAsync(first, Mfa.CodeAt(enrolment.Seed, factory.Clock, -1)))
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await Mfa.IsSignedInAsync(first));

        foreach (var offset in new[] { 0, 1 })
        {
            using var client = await Mfa.PasswordStepAsync(factory, user);
            using var replay = await Mfa.SecondFactorAsync(client, Mfa.CodeAt(enrolment.Seed, factory.Clock, offset - 1));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(TwoFactorModel.FailureMessage), await KithClient.BodyAsync(replay), StringComparison.Ordinal);
            using var fresh = await Mfa.SecondFactorAsync(client, Mfa.CodeAt(enrolment.Seed, factory.Clock, offset));
            Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
            Assert.True(await Mfa.IsSignedInAsync(client));
        }
        Assert.Equal(2, await CountAsync(SecurityEventTypes.SecondFactorReplayed, id));
        Assert.Equal(3, await CountAsync(SecurityEventTypes.SecondFactorSucceeded, id));
        // A replay is alerted, once for the two within the hour.
        Assert.Equal(1, await factory.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.UserId == id
            && e.Type == SecurityEventTypes.SecurityAlertSent && e.Detail == SecurityEventTypes.SecondFactorReplayed)));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_the_remaining_count_drops()
    {
        var (user, id, enrolment) = await EnrolledUserAsync();
        var code = enrolment.RecoveryCodes[3];

        using var first = await Mfa.PasswordStepAsync(factory, user);
        using (var used = await Mfa.SecondFactorAsync(first, code.ToUpperInvariant()))
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Contains("You have 9 recovery codes left", await first.GetHtmlAsync(Mfa.ManagePage), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(SecurityEventTypes.RecoveryCodeUsed, id));

        using var second = await Mfa.PasswordStepAsync(factory, user);
        using var again = await Mfa.SecondFactorAsync(second, code);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.False(await Mfa.IsSignedInAsync(second));
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_same_lockout_as_wrong_passwords()
    {
        var (user, id, enrolment) = await EnrolledUserAsync();
        using var client = await Mfa.PasswordStepAsync(factory, user);
        foreach (var wrong in new[] { "000000", "not a code", "abcde-fghjk", "999999", "123456" })
        {
            using var response = await Mfa.SecondFactorAsync(client, wrong);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }
        var stored = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        // Identity times the lockout with the system clock, not the app's TimeProvider.
        Assert.True(stored.LockoutEnd > TimeProvider.System.GetUtcNow());
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.LockedOut, id));

        using var correct = await Mfa.SecondFactorAsync(client, Mfa.CodeAt(enrolment.Seed, factory.Clock, 0));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, correct.StatusCode);
        Assert.False(await Mfa.IsSignedInAsync(client));
    }

    [Fact]
    public async Task Entering_the_password_again_does_not_reset_the_second_factor_failures()
    {
        var (user, id, _) = await EnrolledUserAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var client = await Mfa.PasswordStepAsync(factory, user);
            using var response = await Mfa.SecondFactorAsync(client, "000000");
        }
        var stored = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        // Identity times the lockout with the system clock, not the app's TimeProvider.
        Assert.True(stored.LockoutEnd > TimeProvider.System.GetUtcNow());
    }

    [Fact]
    public async Task A_remembered_device_skips_the_second_factor_until_it_is_revoked()
    {
        var (user, id, enrolment) = await EnrolledUserAsync();
        using var client = await Mfa.PasswordStepAsync(factory, user);
        using (var remembered = await Mfa.SecondFactorAsync(client, Mfa.CodeAt(enrolment.Seed, factory.Clock, 0), rememberDevice: true))
            Assert.Equal(HttpStatusCode.Redirect, remembered.StatusCode);
        await SignOutAsync(client);

        using (var again = await TestUsers.SignInAsync(client, user.Email, user.Password))
            Assert.Equal("/", again.Headers.Location?.OriginalString);
        Assert.Contains("Forget", await client.GetHtmlAsync(Mfa.ManagePage), StringComparison.Ordinal);

        // Another browser of the same user does not inherit it.
        await Mfa.PasswordStepAsync(factory, user);

        var deviceId = await factory.QueryAsync(db => db.RememberedDevices.Where(d => d.UserId == id).Select(d => d.Id).SingleAsync());
        using (var revoke = await client.PostFormAsync(Mfa.ManagePage + "?handler=Revoke", new Dictionary<string, string> { ["deviceId"] = deviceId.ToString() }, Mfa.ManagePage))
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.RememberedDeviceRevoked, id));
        await SignOutAsync(client);
        await Mfa.PasswordStepAsync(factory, user, client);
    }

    [Fact]
    public async Task A_password_whose_second_factor_never_comes_is_logged_as_abandoned_exactly_once()
    {
        var (user, id, enrolment) = await EnrolledUserAsync();
        var sweep = factory.Service<Kith.Features.Account.TwoFactor.SecondFactorSweep>();
        using var completed = await Mfa.PasswordStepAsync(factory, user);
        using (var ok = await Mfa.SecondFactorAsync(completed, Mfa.CodeAt(enrolment.Seed, factory.Clock, 0)))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var abandoned = await Mfa.PasswordStepAsync(factory, user);

        factory.Clock.Advance(TimeSpan.FromMinutes(4));
        await sweep.TickAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await CountAsync(SecurityEventTypes.SecondFactorAbandoned, id));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await sweep.TickAsync(TestContext.Current.CancellationToken);
        await sweep.TickAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await CountAsync(SecurityEventTypes.SecondFactorAbandoned, id));

        // Too late now: the pending sign-in has expired, so the page sends the browser back to the password.
        var token = await abandoned.AntiforgeryTokenAsync("/account/login");
        using var late = await abandoned.PostFormWithoutTokenAsync(Mfa.SecondFactorPage, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Code"] = Mfa.CodeAt(enrolment.Seed, factory.Clock, 0),
        });
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.StartsWith("/account/login", late.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.False(await Mfa.IsSignedInAsync(abandoned));
    }

    [Fact]
    public async Task Without_a_pending_password_step_the_page_signs_nobody_in()
    {
        var (_, _, enrolment) = await EnrolledUserAsync();
        using var stranger = factory.CreateWebClient();
        var token = await stranger.AntiforgeryTokenAsync("/account/login");
        using var response = await stranger.PostFormWithoutTokenAsync(Mfa.SecondFactorPage, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Code"] = Mfa.CodeAt(enrolment.Seed, factory.Clock, 0),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await Mfa.IsSignedInAsync(stranger));
    }

    private static async Task SignOutAsync(KithClient client)
    {
        using var response = await client.PostFormAsync("/account/logout", new Dictionary<string, string>(), "/account/manage/password");
        Assert.False(await Mfa.IsSignedInAsync(client));
    }
}
