namespace Kith.Features.Admin.Checks;

/// <summary>In Development ASP.NET Core shows the developer exception page: stack traces and source to whoever triggers an error.</summary>
public sealed class DebugOffCheck() : SecurityCheck("debug-off", "Debugging off")
{
    public override CheckResult Evaluate(InstanceSnapshot snapshot)
    {
        var runtime = snapshot.Runtime;
        if (string.Equals(runtime.EnvironmentName, "Development", StringComparison.OrdinalIgnoreCase))
            return Fail("ASPNETCORE_ENVIRONMENT is Development: errors show the developer exception page (stack traces, source), and the start-up safety checks are off.",
                "Set ASPNETCORE_ENVIRONMENT=Production (the default when it is not set) and restart Kith.");
        if (runtime.DetailedErrors)
            return Fail("ASPNETCORE_DETAILEDERRORS is on: start-up failures are shown in detail to visitors.",
                "Remove ASPNETCORE_DETAILEDERRORS (or set it to false) and restart Kith.");
        return Pass($"Environment {runtime.EnvironmentName}: errors show a generic page with a reference number.");
    }
}

public sealed class DatabaseReachableCheck() : SecurityCheck("database", "Database reachable")
{
    public override CheckResult Evaluate(InstanceSnapshot snapshot) => snapshot.Database.Reachable
        ? Pass($"{snapshot.Database.Provider} answers.")
        : Fail($"The {snapshot.Database.Provider} database cannot be reached.",
            "Check Kith__Database__ConnectionString and that the database server is running; /health/ready reports the same.");
}

public sealed class MigrationsAppliedCheck() : SecurityCheck("migrations", "Database schema up to date")
{
    public override CheckResult Evaluate(InstanceSnapshot snapshot) => snapshot.Database.PendingMigrations switch
    {
        null => Fail("Unknown: the database cannot be reached.", "Fix the database connection first (see the database check)."),
        0 => Pass("Every migration of this version of Kith is applied."),
        var n => Fail($"{n} migration(s) of this version of Kith are not applied to the database.",
            "Back up the database, then run `kith migrate` (or restart Kith, which migrates at start-up)."),
    };
}
