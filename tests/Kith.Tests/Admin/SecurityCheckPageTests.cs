using Kith.Data;
using Kith.Features.Admin.Checks;
using Kith.Infrastructure.Configuration;
using Kith.Infrastructure.Email;
using Kith.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kith.Tests.Admin;

/// <summary>
/// The self-check of a running instance, each check turned red by a real cause (a file mode, a row, a setting
/// reloaded while Kith runs) and then restored. Tests in one class run one at a time, so the causes do not mix.
/// </summary>
public sealed class SecurityCheckPageTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    [Fact]
    public async Task The_test_instance_passes_every_check_but_the_generated_master_key_in_the_data_directory()
    {
        using var admin = await factory.AdminClientAsync();

        var checks = await SecurityCheckPage.ReadAsync(admin);

        Assert.All(checks.Where(c => c.Key != "master-key-location"), c => Assert.True(c.Value.Status == "pass", $"{c.Key}: {c.Value.Text}"));
        Assert.Equal("fail", checks["master-key-location"].Status);
        Assert.Contains("Fix: Move it out of the data directory", checks["master-key-location"].Text, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_master_key_readable_by_others_turns_its_check_red()
    {
        using var admin = await factory.AdminClientAsync();
        var key = Path.Combine(factory.DataDirectory, "master.key");
        var mode = File.GetUnixFileMode(key);
        try
        {
            File.SetUnixFileMode(key, mode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            var check = await SecurityCheckPage.ReadAsync(admin, "master-key-permissions");

            Assert.Equal("fail", check.Status);
            Assert.Contains("mode 0644", check.Text, StringComparison.Ordinal);
            Assert.Contains($"chmod 600 {key}", check.Text, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(key, mode);
        }
    }

    [Fact]
    public async Task Mail_waiting_too_long_turns_the_delivery_check_red_with_its_error_and_shows_on_the_overview()
    {
        using var admin = await factory.AdminClientAsync();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var stuck = OutboxMessage.Create("ada@example.org", "Stuck", "text", "<p>html</p>", now.AddHours(-3));
        stuck.Attempts = 9;
        stuck.NextAttemptAt = now.AddHours(1);
        stuck.LastError = "SmtpCommandException: 451 4.3.0 test outage";
        // Signing in from a new client queues a security alert, which may still be waiting: the backlog must be only ours.
        await factory.QueryAsync(db => db.OutboxMessages.Where(m => m.SentAt == null).ExecuteDeleteAsync());
        await factory.QueryAsync(db => { db.OutboxMessages.Add(stuck); return db.SaveChangesAsync(); });
        try
        {
            var check = await SecurityCheckPage.ReadAsync(admin, "mail-delivery");
            var overview = await admin.GetHtmlAsync("/admin");

            Assert.Equal("fail", check.Status);
            Assert.Contains("the oldest for 3 hours", check.Text, StringComparison.Ordinal);
            Assert.Contains("451 4.3.0 test outage", check.Text, StringComparison.Ordinal);
            Assert.Contains("data-fact=\"outbox-backlog\">1<", overview, StringComparison.Ordinal);
            Assert.Contains("data-fact=\"outbox-oldest\">3 hours<", overview, StringComparison.Ordinal);
        }
        finally
        {
            await factory.QueryAsync(db => db.OutboxMessages.Where(m => m.Id == stuck.Id).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task A_migration_missing_from_the_database_turns_the_schema_check_red_and_shows_on_the_overview()
    {
        using var admin = await factory.AdminClientAsync();
        var last = await factory.QueryAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).Last());
        await factory.QueryAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}"));
        try
        {
            var check = await SecurityCheckPage.ReadAsync(admin, "migrations");

            Assert.Equal("fail", check.Status);
            Assert.Contains("1 migration(s)", check.Text, StringComparison.Ordinal);
            Assert.Contains("data-fact=\"pending-migrations\">1<", await admin.GetHtmlAsync("/admin"), StringComparison.Ordinal);
        }
        finally
        {
            await factory.QueryAsync(db => db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({last}, {"10.0.0"})"));
        }
    }

    [Fact]
    public async Task Plain_smtp_to_a_remote_server_reloaded_while_kith_runs_turns_the_tls_check_red()
    {
        using var admin = await factory.AdminClientAsync();
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();
        try
        {
            // Start-up refuses this combination; a reloaded appsettings.json is not checked again, except here.
            configuration["Kith:Smtp:Host"] = "192.0.2.25";
            configuration["Kith:Smtp:Security"] = "None";
            configuration.Reload();
            Assert.Equal(SmtpSecurity.None, factory.Service<IOptionsMonitor<KithOptions>>().CurrentValue.Smtp.Security);

            var check = await SecurityCheckPage.ReadAsync(admin, "smtp-tls");

            Assert.Equal("fail", check.Status);
            Assert.Contains("Kith__Smtp__Security=StartTls", check.Text, StringComparison.Ordinal);
        }
        finally
        {
            configuration["Kith:Smtp:Host"] = null;
            configuration["Kith:Smtp:Security"] = null;
            configuration.Reload();
        }
    }

    [Fact]
    public async Task The_overview_shows_the_database_mail_and_registration()
    {
        using var admin = await factory.AdminClientAsync();

        var html = await admin.GetHtmlAsync("/admin");

        Assert.Contains(TestDatabase.IsPostgres ? "PostgreSql" : "Sqlite", html, StringComparison.Ordinal);
        Assert.Contains("data-fact=\"pending-migrations\">0<", html, StringComparison.Ordinal);
        Assert.Contains($"Pickup folder {Path.Combine(factory.DataDirectory, "mail")}", html, StringComparison.Ordinal);
        Assert.Contains("data-fact=\"outbox-backlog\">0<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-fact=\"mail-heartbeat\">never<", html, StringComparison.Ordinal);
        Assert.Contains("data-fact=\"registration-mode\">Open<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_turns_the_database_checks_red()
    {
        await using var unreachable = TestDatabase.IsPostgres
            ? (AppDbContext)new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql("Host=127.0.0.1;Port=1;Database=kith;Username=kith;Password=none;Timeout=3")
                .UseApplicationServiceProvider(factory.Services).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite($"Data Source={Path.Combine(factory.DataDirectory, "missing", "kith.db")}")
                .UseApplicationServiceProvider(factory.Services).Options);
        var reader = new InstanceSnapshotReader(unreachable, factory.Service<IOptionsMonitor<KithOptions>>(), factory.Service<IHostEnvironment>(),
            factory.Service<IConfiguration>(), factory.Service<WorkerHeartbeat>(), TimeProvider.System);

        var checks = SecurityChecks.Evaluate(await reader.ReadAsync(new DefaultHttpContext(), TestContext.Current.CancellationToken))
            .ToDictionary(c => c.Id);

        Assert.False(checks["database"].Passed);
        Assert.False(checks["migrations"].Passed);
        Assert.False(checks["mail-delivery"].Passed);
        Assert.Contains("database is unreachable", checks["mail-delivery"].Detail, StringComparison.Ordinal);
    }
}
