using System.Text;
using Kith.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Account.TwoFactor;

public sealed class MfaAtRestTests(MfaFactory factory) : IClassFixture<MfaFactory>
{
    [Fact]
    public async Task The_database_holds_neither_the_totp_seed_nor_any_recovery_code_in_clear()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        var enrolment = await Mfa.EnrolAsync(client, factory.Clock);

        var needles = new List<(string What, byte[] Bytes)>
        {
            ("raw seed", enrolment.Seed),
            ("base32 seed", Encoding.ASCII.GetBytes(enrolment.ManualKey)),
            ("hex seed", Encoding.ASCII.GetBytes(Convert.ToHexString(enrolment.Seed).ToLowerInvariant())),
            ("HEX seed", Encoding.ASCII.GetBytes(Convert.ToHexString(enrolment.Seed))),
            ("base64 seed", Encoding.ASCII.GetBytes(Convert.ToBase64String(enrolment.Seed))),
        };
        foreach (var code in enrolment.RecoveryCodes)
        {
            needles.Add(("recovery code", Encoding.UTF8.GetBytes(code)));
            needles.Add(("recovery code without dash", Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal))));
        }
        // The needles must be findable: the same scan over a copy that holds them in clear finds every one.
        var haystack = await DatabaseBytesAsync();
        Assert.True(haystack.Length > 0);
        var found = needles.Where(n => haystack.AsSpan().IndexOf(n.Bytes) >= 0).Select(n => n.What).ToList();
        Assert.Empty(found);
        var control = haystack.Concat(needles.SelectMany(n => n.Bytes)).ToArray();
        Assert.All(needles, n => Assert.True(control.AsSpan().IndexOf(n.Bytes) >= 0));
    }

    /// <summary>SQLite: the database file and its WAL, byte for byte. PostgreSQL: every row of every table, as text.</summary>
    private async Task<byte[]> DatabaseBytesAsync()
    {
        if (!TestDatabase.IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            var path = Path.Combine(factory.DataDirectory, "kith.db");
            var files = new[] { path, path + "-wal" }.Where(File.Exists);
            using var all = new MemoryStream();
            foreach (var file in files)
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                await stream.CopyToAsync(all, TestContext.Current.CancellationToken);
            }
            return all.ToArray();
        }
        return await factory.QueryAsync(async db =>
        {
            var tables = await db.Database.SqlQuery<string>($"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'").ToListAsync();
            var text = new StringBuilder();
            foreach (var table in tables)
            {
#pragma warning disable EF1002 // Table names come from the catalog, quoted; they cannot be parameters.
                var rows = await db.Database.SqlQueryRaw<string>($"SELECT t::text AS \"Value\" FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" t").ToListAsync();
#pragma warning restore EF1002
                foreach (var row in rows) text.AppendLine(row);
            }
            return Encoding.UTF8.GetBytes(text.ToString());
        });
    }
}
