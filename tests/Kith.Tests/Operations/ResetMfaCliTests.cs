using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Cli;
using Kith.Tests.Account.TwoFactor;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Operations;

public sealed class ResetMfaCliTests(MfaFactory factory) : IClassFixture<MfaFactory>
{
    [Fact]
    public async Task Reset_mfa_removes_every_second_factor_logs_it_and_mails_the_user()
    {
        var user = await TestUsers.CreateAsync(factory);
        var id = await factory.IdOfAsync(user);
        using (var client = await TestUsers.SignedInClientAsync(factory, user))
        {
            var enrolment = await Mfa.EnrolAsync(client, factory.Clock);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await Mfa.PasswordStepAsync(factory, user, client);
            using var remembered = await Mfa.SecondFactorAsync(client, Mfa.CodeAt(enrolment.Seed, factory.Clock, 0), rememberDevice: true);
            Assert.Equal(HttpStatusCode.Redirect, remembered.StatusCode);
        }
        Assert.Equal(1, await factory.QueryAsync(db => db.RememberedDevices.CountAsync(d => d.UserId == id)));

        using var stdout = new StringWriter();
        var exit = await KithCli.RunAsync(factory.Services, ["users", "reset-mfa", "--email", user.Email], new StringReader(""), stdout);

        Assert.Equal(0, exit);
        Assert.Equal(0, await factory.QueryAsync(db => db.TotpAuthenticators.CountAsync(t => t.UserId == id)));
        Assert.Equal(0, await factory.QueryAsync(db => db.RecoveryCodes.CountAsync(c => c.UserId == id)));
        Assert.Equal(0, await factory.QueryAsync(db => db.RememberedDevices.CountAsync(d => d.UserId == id)));
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.MfaResetByOperator, id));
        var mail = await factory.QueryAsync(db => db.OutboxMessages.Where(m => m.Recipient == user.Email).Select(m => m.Subject).ToListAsync());
        Assert.Contains("Two-factor authentication was reset on your Kith account", mail);

        // The password alone signs in again.
        using var fresh = factory.CreateWebClient();
        using var signIn = await TestUsers.SignInAsync(fresh, user.Email, user.Password);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Reset_mfa_for_an_unknown_email_fails_without_changes()
    {
        using var stdout = new StringWriter();
        var exit = await KithCli.RunAsync(factory.Services, ["users", "reset-mfa", TestUsers.NewEmail()], new StringReader(""), stdout);
        Assert.Equal(1, exit);
        Assert.Contains("No user has the email", stdout.ToString(), StringComparison.Ordinal);
    }
}
