// Positive control for the analyzer gates: compiled only with -p:KithAnalyzerCanary=true
// (see Kith.csproj and scripts/check-analyzers.sh) and expected to FAIL the build.
// Every marked line must raise the diagnostic named in its comment; do not "fix" this file.
using System.Diagnostics;
using System.Runtime.Serialization.Formatters.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kith.Canary // IDE0161: block-scoped namespace
{
    public sealed class CanaryRow
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    public sealed class CanaryDbContext(DbContextOptions<CanaryDbContext> options) : DbContext(options)
    {
        public DbSet<CanaryRow> Rows => Set<CanaryRow>();
    }

    // A controller, so SecurityCodeScan and CA3001 treat the action parameters as tainted input.
    [ApiController]
    [Route("canary")]
    public sealed class AnalyzerCanaryController(CanaryDbContext db) : ControllerBase
    {
        [HttpGet("time")]
        public string Time()
        {
            var utc = DateTime.UtcNow; // RS0030 DateTime.UtcNow
            var local = DateTimeOffset.Now; // RS0030 DateTimeOffset.Now
            return $"{utc:O} {local:O}";
        }

        [HttpPost("run")]
        public int Run(string file)
        {
            using var process = Process.Start(file); // RS0030 Process.Start + SCS0001
            return process.Id;
        }

        [HttpPost("deserialize")]
        public object Deserialize()
        {
#pragma warning disable SYSLIB0011 // the obsoletion is not the gate under test
            var formatter = new BinaryFormatter(); // RS0030 BinaryFormatter
            return formatter.Deserialize(Request.Body); // CA2300 + CA2301 + SCS0028
#pragma warning restore SYSLIB0011
        }

        [HttpGet("find")]
        public List<CanaryRow> Find(string name)
        {
            return [.. db.Rows.FromSqlRaw($"SELECT * FROM Rows WHERE Name = '{name}'")]; // RS0030 FromSqlRaw + EF1002 + SCS0002
        }

        [HttpPost("delete")]
        public int Delete(string name)
        {
            return db.Database.ExecuteSqlRaw("DELETE FROM Rows WHERE Name = '" + name + "'"); // RS0030 ExecuteSqlRaw + EF1003 + SCS0002
        }

        [HttpGet("count")]
        public object? Count(string name)
        {
            using var connection = new SqliteConnection("Data Source=:memory:");
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Rows WHERE Name = '" + name + "'"; // CA2100 + CA3001 + SCS0002
            return command.ExecuteScalar();
        }

        [HttpGet("sha1")]
        public byte[] Sha1(string text)
        {
            return SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(text)); // CA5350 + SCS0006
        }

        [HttpGet("md5")]
        public byte[] Md5(string text)
        {
            return MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)); // CA5351 + SCS0006
        }
    }
}
