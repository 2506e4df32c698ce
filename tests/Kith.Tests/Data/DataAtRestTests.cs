using Kith.Data;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Data;

public sealed class DataAtRestTests(KithFactory factory) : IClassFixture<KithFactory>
{
    [Fact]
    public async Task The_model_has_no_changes_missing_from_this_providers_migrations()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(TestDatabase.IsPostgres, db.Database.IsNpgsql());
        Assert.False(db.Database.HasPendingModelChanges(), $"Add a migration for {db.GetType().Name}: the model changed.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Data_protection_keys_are_stored_encrypted_with_the_master_key()
    {
        using var client = factory.CreateWebClient();
        await client.GetHtmlAsync("/account/login");

        var keys = await factory.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_generated_master_key_and_the_database_file_are_readable_by_the_owner_only()
    {
        var masterKey = Path.Combine(factory.DataDirectory, "master.key");
        _ = factory.Services;
        Assert.True(File.Exists(masterKey));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(masterKey));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(masterKey)).Length);
        if (TestDatabase.IsPostgres) return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(factory.DataDirectory, "kith.db")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(factory.DataDirectory));
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode()
    {
        if (TestDatabase.IsPostgres) Assert.Skip("SQLite only.");
        var mode = await factory.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        });
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task The_database_refuses_a_second_user_with_the_same_email()
    {
        var user = await TestUsers.CreateAsync(factory);
        var existing = (await factory.UserAsync(user.Email))!;
        var duplicate = new Features.Account.User
        {
            AccountId = existing.AccountId,
            Email = existing.Email,
            NormalizedEmail = existing.NormalizedEmail,
            UserName = TestUsers.NewEmail(),
            NormalizedUserName = Guid.NewGuid().ToString("N"),
            DisplayName = "Copy",
        };
        await Assert.ThrowsAsync<DbUpdateException>(() => factory.QueryAsync(db =>
        {
            db.Users.Add(duplicate);
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task The_database_itself_refuses_text_longer_than_validation_allows()
    {
        var tooLong = Features.Accounts.Account.Create(new string('x', Kith.Data.FieldLengths.AccountName + 1), DateTime.UnixEpoch);
        var justRight = Features.Accounts.Account.Create(new string('x', Kith.Data.FieldLengths.AccountName), DateTime.UnixEpoch);

        await Assert.ThrowsAsync<DbUpdateException>(() => factory.QueryAsync(db =>
        {
            db.Accounts.Add(tooLong);
            return db.SaveChangesAsync();
        }));
        Assert.Equal(1, await factory.QueryAsync(db =>
        {
            db.Accounts.Add(justRight);
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task The_security_log_cannot_be_edited_or_deleted_through_the_model()
    {
        var user = await TestUsers.CreateAsync(factory);
        var id = (await factory.UserAsync(user.Email))!.Id;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.QueryAsync(async db =>
        {
            var entry = await db.SecurityEvents.FirstAsync(e => e.UserId == id);
            db.SecurityEvents.Remove(entry);
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_security_events_even_around_the_model()
    {
        var user = await TestUsers.CreateAsync(factory);
        var id = (await factory.UserAsync(user.Email))!.Id;

        await Assert.ThrowsAnyAsync<Exception>(() => factory.QueryAsync(db => db.SecurityEvents.Where(e => e.UserId == id).ExecuteDeleteAsync()));
        await Assert.ThrowsAnyAsync<Exception>(() => factory.QueryAsync(db => db.SecurityEvents.Where(e => e.UserId == id)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Type, "tampered"))));
        Assert.True(await factory.HasEventAsync(Features.Account.SecurityLog.SecurityEventTypes.UserCreatedByOperator, id));
    }
}
