using Kith.Infrastructure.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Data;

/// <summary>Applies migrations and the SQLite file settings Kith relies on (WAL, owner-only permissions).</summary>
public sealed class DatabaseStartup(AppDbContext db, IOptions<KithOptions> options, ILogger<DatabaseStartup> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (db.Database.IsSqlite()) PrepareSqliteFolder();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlAsync($"PRAGMA journal_mode=WAL;", ct);
            RestrictSqliteFiles();
        }
        logger.LogInformation("Database is up to date ({Provider})", db.Database.ProviderName);
    }

    private string? SqliteFile()
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
    }

    private void PrepareSqliteFolder()
    {
        var file = SqliteFile();
        var folder = file is null ? null : Path.GetDirectoryName(file);
        if (folder is null) return;
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows() && folder == Path.GetFullPath(options.Value.DataDirectory))
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private void RestrictSqliteFiles()
    {
        var file = SqliteFile();
        if (file is null || OperatingSystem.IsWindows()) return;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            if (File.Exists(path)) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
