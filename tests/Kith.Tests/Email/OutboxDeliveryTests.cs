using Kith.Infrastructure.Email;
using Kith.Tests.Account;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Email;

public sealed class OfflineSmtpFactory : KithFactory
{
    public int SmtpPort { get; } = SmtpSink.FreePort();
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kith:Smtp:Host"] = "127.0.0.1";
        settings["Kith:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Kith:Smtp:Security"] = "None";
        settings["Kith:Smtp:From"] = "Kith <kith@kith.test>";
    }

    protected override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, Clock);
}

public sealed class OutboxDeliveryTests(OfflineSmtpFactory factory) : IClassFixture<OfflineSmtpFactory>
{
    [Fact]
    public async Task An_smtp_outage_delays_mail_and_then_delivers_each_message_exactly_once()
    {
        var users = new[] { await TestUsers.CreateAsync(factory), await TestUsers.CreateAsync(factory) };
        using var client = factory.CreateWebClient();
        foreach (var user in users)
        {
            using var response = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email });
        }
        var recipients = users.Select(u => u.Email).ToList();

        // The server is down: every attempt fails, nothing is lost.
        await WaitUntilAsync(() => factory.QueryAsync(db => db.OutboxMessages.CountAsync(m => recipients.Contains(m.Recipient) && m.Attempts >= 1 && m.SentAt == null)), 2);

        await using var sink = new SmtpSink(factory.SmtpPort);
        await sink.StartAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        factory.Service<OutboxSignal>().Notify();

        foreach (var user in users) await sink.Mailbox.WaitForAsync(user.Email, "Reset your Kith password");
        await WaitUntilAsync(() => factory.QueryAsync(db => db.OutboxMessages.CountAsync(m => recipients.Contains(m.Recipient) && m.SentAt != null)), 2);

        // Later passes find nothing left to send.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        factory.Service<OutboxSignal>().Notify();
        await Task.Delay(500, TestContext.Current.CancellationToken);
        foreach (var user in users)
        {
            var received = sink.Mailbox.To(user.Email);
            Assert.Single(received);
            Assert.EndsWith("@kith", received[0].MessageId, StringComparison.Ordinal);
        }
        var delivered = await factory.QueryAsync(db => db.OutboxMessages.Where(m => recipients.Contains(m.Recipient)).ToListAsync());
        Assert.All(delivered, m => Assert.Equal("", m.TextBody));
    }

    [Fact]
    public async Task Mail_that_requires_starttls_is_not_sent_to_a_server_without_it()
    {
        var sinkPort = SmtpSink.FreePort();
        await using var sink = new SmtpSink(sinkPort);
        await sink.StartAsync();
        var options = new Kith.Infrastructure.Configuration.KithOptions
        {
            Smtp = { Host = "127.0.0.1", Port = sinkPort, Security = Kith.Infrastructure.Configuration.SmtpSecurity.StartTls },
        };
        var transport = new SmtpMailTransport(new StaticOptions(options));
        var message = new MimeKit.MimeMessage { Subject = "should not arrive" };
        message.From.Add(MimeKit.MailboxAddress.Parse("kith@kith.test"));
        message.To.Add(MimeKit.MailboxAddress.Parse("nobody@example.org"));
        message.Body = new MimeKit.TextPart("plain") { Text = "hello" };

        await Assert.ThrowsAnyAsync<Exception>(() => transport.SendAsync(message, TestContext.Current.CancellationToken));
        Assert.Empty(sink.Mailbox.All());
    }

    [Theory]
    [InlineData("mail.example.org", Kith.Infrastructure.Configuration.SmtpSecurity.Auto, MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData("mail.example.org", Kith.Infrastructure.Configuration.SmtpSecurity.Tls, MailKit.Security.SecureSocketOptions.SslOnConnect)]
    [InlineData("127.0.0.1", Kith.Infrastructure.Configuration.SmtpSecurity.None, MailKit.Security.SecureSocketOptions.None)]
    [InlineData("localhost", Kith.Infrastructure.Configuration.SmtpSecurity.Auto, MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable)]
    public void Tls_is_required_unless_the_server_is_on_loopback(string host, Kith.Infrastructure.Configuration.SmtpSecurity security, MailKit.Security.SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpMailTransport.SocketOptions(new() { Host = host, Security = security }));

    [Fact]
    public void Plain_smtp_to_a_remote_server_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => SmtpMailTransport.SocketOptions(new() { Host = "mail.example.org", Security = Kith.Infrastructure.Configuration.SmtpSecurity.None }));

    private static async Task WaitUntilAsync(Func<Task<int>> count, int expected)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await count() >= expected) return;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"Timed out waiting for {expected}; have {await count()}.");
    }

    private sealed class StaticOptions(Kith.Infrastructure.Configuration.KithOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<Kith.Infrastructure.Configuration.KithOptions>
    {
        public Kith.Infrastructure.Configuration.KithOptions CurrentValue => value;
        public Kith.Infrastructure.Configuration.KithOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<Kith.Infrastructure.Configuration.KithOptions, string?> listener) => null;
    }
}
