using Kith.Features.Admin.Checks;
using Kith.Infrastructure.Configuration;

namespace Kith.Tests.Admin;

/// <summary>Each check as a pure function: a healthy snapshot passes every one, and one change turns each red.</summary>
public sealed class SecurityCheckRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static InstanceSnapshot Healthy(Action<KithOptions>? configure = null)
    {
        var options = new KithOptions { BaseUrl = "https://kith.example.org", DataDirectory = "/var/lib/kith", MasterKeyFile = "/etc/kith/master.key" };
        configure?.Invoke(options);
        return new InstanceSnapshot(Now, options,
            new RuntimeFacts("Production", DetailedErrors: false),
            new RequestFacts(IsHttps: true, "203.0.113.9", ForwardedHeadersIgnored: false, ForwardedHeadersApplied: false),
            new MasterKeyFacts("/etc/kith/master.key", Configured: true, Exists: true, InsideDataDirectory: false, UnixFileMode.UserRead | UnixFileMode.UserWrite),
            new DatabaseFacts(DatabaseProvider.PostgreSql, Reachable: true, PendingMigrations: 0),
            new MailFacts(new OutboxFacts(0, null, []), Now.AddSeconds(-5)));
    }

    private static CheckResult Run<T>(InstanceSnapshot snapshot) where T : ISecurityCheck, new() => new T().Evaluate(snapshot);

    [Fact]
    public void A_healthy_instance_passes_every_check()
    {
        var results = SecurityChecks.Evaluate(Healthy());

        Assert.Equal(10, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Id}: {r.Detail}"));
        Assert.All(results, r => Assert.Null(r.Fix));
        Assert.Equal(results.Count, results.Select(r => r.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://kith.example.org")]
    [InlineData("http://localhost:5000")]
    public void A_missing_or_plain_http_base_url_fails(string? baseUrl)
    {
        var result = Run<HttpsBaseUrlCheck>(Healthy(o => o.BaseUrl = baseUrl));
        Assert.False(result.Passed);
        Assert.Contains("Kith__BaseUrl=https://", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_over_plain_http_fails_hsts() =>
        Assert.False(Run<HstsCheck>(Healthy() with { Request = new RequestFacts(false, "203.0.113.9", false, false) }).Passed);

    [Theory]
    [InlineData(null, true, false, false, "Kith__TrustedProxies=192.0.2.10")]
    [InlineData("192.0.2.99", true, false, false, "Add the proxy's address")]
    [InlineData("192.0.2.0/24", false, false, false, "X-Forwarded-For")]
    [InlineData("192.0.2.0/24", false, true, true, null)]
    [InlineData("198.51.100.1", false, false, true, null)]
    [InlineData(null, false, false, true, null)]
    public void Forwarded_headers_must_match_the_trusted_proxies(string? proxies, bool ignored, bool applied, bool passes, string? fix)
    {
        var snapshot = Healthy(o => o.TrustedProxies = proxies) with { Request = new RequestFacts(true, "192.0.2.10", ignored, applied) };

        var result = Run<ForwardedHeadersCheck>(snapshot);

        Assert.Equal(passes, result.Passed);
        if (fix is not null) Assert.Contains(fix, result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_master_key_that_is_generated_missing_or_inside_the_data_directory_fails()
    {
        var key = Healthy().MasterKey;
        Assert.False(Run<MasterKeyLocationCheck>(Healthy() with { MasterKey = key with { Configured = false, InsideDataDirectory = true } }).Passed);
        Assert.False(Run<MasterKeyLocationCheck>(Healthy() with { MasterKey = key with { Exists = false } }).Passed);
        Assert.False(Run<MasterKeyLocationCheck>(Healthy() with { MasterKey = key with { InsideDataDirectory = true } }).Passed);
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.GroupWrite)]
    public void A_master_key_others_can_read_or_change_fails(UnixFileMode mode)
    {
        var result = Run<MasterKeyPermissionsCheck>(Healthy() with { MasterKey = Healthy().MasterKey with { Mode = mode } });
        Assert.False(result.Passed);
        Assert.Contains("chmod 600", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_master_key_passes_and_an_unreadable_mode_fails()
    {
        Assert.True(Run<MasterKeyPermissionsCheck>(Healthy() with { MasterKey = Healthy().MasterKey with { Mode = UnixFileMode.UserRead } }).Passed);
        Assert.False(Run<MasterKeyPermissionsCheck>(Healthy() with { MasterKey = Healthy().MasterKey with { Mode = null } }).Passed);
    }

    [Theory]
    [InlineData("mail.example.org", SmtpSecurity.None, false)]
    [InlineData("mail.example.org", SmtpSecurity.Auto, true)]
    [InlineData("mail.example.org", SmtpSecurity.StartTls, true)]
    [InlineData("mail.example.org", SmtpSecurity.Tls, true)]
    [InlineData("127.0.0.1", SmtpSecurity.None, true)]
    [InlineData(null, SmtpSecurity.None, true)]
    public void Smtp_must_use_tls_unless_it_stays_on_this_machine(string? host, SmtpSecurity security, bool passes) =>
        Assert.Equal(passes, Run<SmtpTlsCheck>(Healthy(o => o.Smtp = new SmtpOptions { Host = host, Security = security })).Passed);

    [Fact]
    public void Mail_waiting_too_long_fails_and_shows_the_last_errors()
    {
        var stuck = new OutboxFacts(3, Now.UtcDateTime.AddMinutes(-16), ["SmtpCommandException: 451 try later"]);

        var result = Run<MailDeliveryCheck>(Healthy() with { Mail = new MailFacts(stuck, Now) });

        Assert.False(result.Passed);
        Assert.Contains("3 message(s) waiting, the oldest for 16 minutes", result.Detail, StringComparison.Ordinal);
        Assert.Contains("451 try later", result.Detail, StringComparison.Ordinal);
        Assert.True(Run<MailDeliveryCheck>(Healthy() with { Mail = new MailFacts(stuck with { OldestUndelivered = Now.UtcDateTime.AddMinutes(-14) }, Now) }).Passed);
    }

    [Fact]
    public void A_silent_mail_sender_or_an_unreadable_outbox_fails()
    {
        var outbox = Healthy().Mail.Outbox;
        Assert.False(Run<MailDeliveryCheck>(Healthy() with { Mail = new MailFacts(outbox, null) }).Passed);
        Assert.False(Run<MailDeliveryCheck>(Healthy() with { Mail = new MailFacts(outbox, Now.AddMinutes(-5)) }).Passed);
        Assert.False(Run<MailDeliveryCheck>(Healthy() with { Mail = new MailFacts(null, Now) }).Passed);
    }

    [Fact]
    public void Development_or_detailed_errors_fail_debug_off()
    {
        Assert.False(Run<DebugOffCheck>(Healthy() with { Runtime = new RuntimeFacts("Development", false) }).Passed);
        Assert.False(Run<DebugOffCheck>(Healthy() with { Runtime = new RuntimeFacts("Production", true) }).Passed);
    }

    [Fact]
    public void An_unreachable_database_fails_both_database_checks()
    {
        var snapshot = Healthy() with { Database = new DatabaseFacts(DatabaseProvider.Sqlite, false, null) };
        Assert.False(Run<DatabaseReachableCheck>(snapshot).Passed);
        Assert.False(Run<MigrationsAppliedCheck>(snapshot).Passed);
    }

    [Fact]
    public void Pending_migrations_fail() =>
        Assert.False(Run<MigrationsAppliedCheck>(Healthy() with { Database = new DatabaseFacts(DatabaseProvider.Sqlite, true, 2) }).Passed);
}
