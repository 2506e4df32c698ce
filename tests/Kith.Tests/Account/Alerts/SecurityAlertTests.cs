using System.Net;
using Kith.Features.Account;
using Kith.Features.Account.KnownDevices;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.TwoFactor;
using Kith.Tests.Account.TwoFactor;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Account.Alerts;

/// <summary>A Kith host that mails through a real SMTP server and whose clock the test moves.</summary>
public sealed class AlertFactory : KithFactory, IAsyncLifetime
{
    private readonly int smtpPort = SmtpSink.FreePort();

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public SmtpSink Sink { get; }

    public AlertFactory() => Sink = new SmtpSink(smtpPort);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kith:Smtp:Host"] = "127.0.0.1";
        settings["Kith:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Kith:Smtp:Security"] = "None";
        settings["Kith:Smtp:From"] = "Kith <kith@kith.test>";
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public ValueTask InitializeAsync() => new(Sink.StartAsync());

    public override async ValueTask DisposeAsync()
    {
        await Sink.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class SecurityAlertTests(AlertFactory factory) : IClassFixture<AlertFactory>
{
    public static TheoryData<string> Kinds() => [.. SecurityAlertMessages.AlertingKinds];

    /// <summary>Every alerting kind, written the way every feature writes it (the security log writer).</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_mails_once_then_not_again_within_the_hour_then_again_after_it(string kind)
    {
        var user = await TestUsers.CreateAsync(factory);
        var id = await factory.IdOfAsync(user);
        var subject = SecurityAlertMessages.For(kind, DateTime.UnixEpoch, "x", "x").Subject;

        await WriteEventAsync(kind, id);
        var mail = await factory.Sink.Mailbox.WaitForAsync(user.Email, subject);
        Assert.Contains("UTC", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(KithFactory.BaseUrl + "/account/manage/sessions", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(KithFactory.BaseUrl + "/account/security-log", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Name, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Name, mail.HtmlBody, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(59));
        await WriteEventAsync(kind, id);
        await SettleAsync();
        Assert.Single(Alerts(user.Email, subject));
        Assert.Equal(1, await AlertsSentAsync(id, kind));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await WriteEventAsync(kind, id);
        await factory.Sink.Mailbox.WaitForAsync(user.Email, subject, expectedCount: 2);
        Assert.Equal(2, await AlertsSentAsync(id, kind));
    }

    [Fact]
    public async Task A_kind_that_is_not_alerting_sends_nothing()
    {
        var user = await TestUsers.CreateAsync(factory);
        var id = await factory.IdOfAsync(user);
        await WriteEventAsync(SecurityEventTypes.PasskeyRenamed, id);
        await SettleAsync();
        Assert.Empty(factory.Sink.Mailbox.To(user.Email));
    }

    [Fact]
    public async Task The_first_sign_in_is_silent_and_a_new_browser_alerts_once_per_hour()
    {
        var user = await TestUsers.CreateAsync(factory);
        var id = await factory.IdOfAsync(user);
        var subject = SecurityAlertMessages.For(SecurityEventTypes.NewDeviceSignIn, DateTime.UnixEpoch, "x", "x").Subject;

        using var first = await TestUsers.SignedInClientAsync(factory, user);
        using (var again = await TestUsers.SignInAsync(first, user.Email, user.Password))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await SettleAsync();
        Assert.Empty(Alerts(user.Email, subject));
        Assert.False(await factory.HasEventAsync(SecurityEventTypes.NewDeviceSignIn, id));

        using var second = await TestUsers.SignedInClientAsync(factory, user);
        await factory.Sink.Mailbox.WaitForAsync(user.Email, subject);
        using var third = await TestUsers.SignedInClientAsync(factory, user);
        await SettleAsync();
        Assert.Single(Alerts(user.Email, subject));
        Assert.Equal(2, await factory.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.UserId == id && e.Type == SecurityEventTypes.NewDeviceSignIn)));

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        using var fourth = await TestUsers.SignedInClientAsync(factory, user);
        await factory.Sink.Mailbox.WaitForAsync(user.Email, subject, expectedCount: 2);
        Assert.Equal(4, await factory.QueryAsync(db => db.KnownDevices.CountAsync(d => d.UserId == id)));
    }

    [Fact]
    public async Task A_browser_known_to_one_user_is_new_for_another()
    {
        var alice = await TestUsers.CreateAsync(factory);
        var bob = await TestUsers.CreateAsync(factory);
        using (var bobFirst = await TestUsers.SignedInClientAsync(factory, bob)) { }
        using var shared = await TestUsers.SignedInClientAsync(factory, alice);
        using (var bobHere = await TestUsers.SignInAsync(shared, bob.Email, bob.Password))
            Assert.Equal(HttpStatusCode.Redirect, bobHere.StatusCode);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.NewDeviceSignIn, await factory.IdOfAsync(bob)));
        Assert.False(await factory.HasEventAsync(SecurityEventTypes.NewDeviceSignIn, await factory.IdOfAsync(alice)));
    }

    [Fact]
    public async Task Changing_the_password_mails_an_alert()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        var newPassword = TestUsers.NewPassword();
        using var response = await client.PostFormAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await factory.Sink.Mailbox.WaitForAsync(user.Email, "Your Kith password was changed");
    }

    [Fact]
    public async Task Enrolling_an_authenticator_mails_an_alert()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        await Mfa.EnrolAsync(client, factory.Clock);
        await factory.Sink.Mailbox.WaitForAsync(user.Email, "Two-factor authentication turned on");
    }

    [Fact]
    public async Task Failed_sign_ins_that_lock_the_account_mail_one_alert()
    {
        var user = await TestUsers.CreateAsync(factory);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            using var client = factory.CreateWebClient();
            using var _ = await TestUsers.SignInAsync(client, user.Email, "a wrong but long password");
        }
        await factory.Sink.Mailbox.WaitForAsync(user.Email, "locked after failed sign-ins");
        await SettleAsync();
        Assert.Single(Alerts(user.Email, "locked after failed sign-ins"));
    }

    [Fact]
    public async Task A_second_factor_left_unfinished_mails_an_alert_from_the_sweep()
    {
        var user = await TestUsers.CreateAsync(factory);
        using (var client = await TestUsers.SignedInClientAsync(factory, user)) await Mfa.EnrolAsync(client, factory.Clock);
        using var attacker = factory.CreateWebClient();
        using (var step = await TestUsers.SignInAsync(attacker, user.Email, user.Password))
            Assert.StartsWith(Mfa.SecondFactorPage, step.Headers.Location?.OriginalString, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await factory.Service<SecondFactorSweep>().TickAsync(TestContext.Current.CancellationToken);

        await factory.Sink.Mailbox.WaitForAsync(user.Email, "Unfinished sign-in");
    }

    [Fact]
    public async Task An_alert_about_a_new_address_goes_to_the_address_saved_with_it()
    {
        var user = await TestUsers.CreateAsync(factory);
        var id = await factory.IdOfAsync(user);
        var newEmail = TestUsers.NewEmail("moved");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kith.Data.AppDbContext>();
            var tracked = await db.Users.SingleAsync(u => u.Id == id, TestContext.Current.CancellationToken);
            tracked.Email = newEmail;
            tracked.NormalizedEmail = newEmail.ToUpperInvariant();
            scope.ServiceProvider.GetRequiredService<SecurityLogWriter>().Add(SecurityEventTypes.EmailChanged, tracked);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await factory.Sink.Mailbox.WaitForAsync(newEmail, "now uses this email address");
        Assert.Empty(factory.Sink.Mailbox.To(user.Email));
    }

    private async Task WriteEventAsync(string kind, Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Kith.Data.AppDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<SecurityLogWriter>().WriteAsync(kind, user, ct: TestContext.Current.CancellationToken);
    }

    private List<MimeKit.MimeMessage> Alerts(string email, string subject) =>
        [.. factory.Sink.Mailbox.To(email).Where(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal))];

    private Task<int> AlertsSentAsync(Guid userId, string kind) => factory.QueryAsync(db =>
        db.SecurityEvents.CountAsync(e => e.UserId == userId && e.Type == SecurityEventTypes.SecurityAlertSent && e.Detail == kind));

    /// <summary>Lets the delivery worker drain the outbox, so "no mail" means none was queued.</summary>
    private async Task SettleAsync()
    {
        for (var waited = 0; waited < 100; waited++)
        {
            if (await factory.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)) == 0) break;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        await Task.Delay(300, TestContext.Current.CancellationToken);
    }
}
