namespace Kith.Tests.Infrastructure;

/// <summary>
/// Which real engine the suite runs against: KITH_TEST_DB=Sqlite (default) or PostgreSql, the latter on the
/// throw-away server that scripts/test starts (KITH_TEST_POSTGRES). Each factory gets its own database.
/// </summary>
public static class TestDatabase
{
    public static string Provider => Environment.GetEnvironmentVariable("KITH_TEST_DB") is { Length: > 0 } p ? p : "Sqlite";

    public static bool IsPostgres => Provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase);

    public static string? NewConnectionString()
    {
        if (!IsPostgres) return null;
        var server = Environment.GetEnvironmentVariable("KITH_TEST_POSTGRES")
            ?? throw new InvalidOperationException("KITH_TEST_DB=PostgreSql needs KITH_TEST_POSTGRES (scripts/test sets it).");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = "kith_t_" + Guid.NewGuid().ToString("N") };
        return builder.ConnectionString;
    }
}
