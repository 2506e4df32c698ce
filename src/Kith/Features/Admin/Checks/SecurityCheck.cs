namespace Kith.Features.Admin.Checks;

/// <summary>One line of the self-check: passed or not, what was found, and for a failure the one thing to change.</summary>
public sealed record CheckResult(string Id, string Title, bool Passed, string Detail, string? Fix);

/// <summary>A self-check: a pure function of the snapshot, so each can be shown to turn red in a test.</summary>
public interface ISecurityCheck
{
    CheckResult Evaluate(InstanceSnapshot snapshot);
}

/// <summary>Base for the checks: an id (stable, used by tests and anchors), a title, and the two ways to answer.</summary>
public abstract class SecurityCheck(string id, string title) : ISecurityCheck
{
    public abstract CheckResult Evaluate(InstanceSnapshot snapshot);

    protected CheckResult Pass(string detail) => new(id, title, true, detail, null);

    protected CheckResult Fail(string detail, string fix) => new(id, title, false, detail, fix);
}

public static class SecurityChecks
{
    /// <summary>The order shown on the page: the address and transport first, then secrets, mail, runtime and data.</summary>
    public static readonly IReadOnlyList<ISecurityCheck> All =
    [
        new HttpsBaseUrlCheck(),
        new HstsCheck(),
        new ForwardedHeadersCheck(),
        new MasterKeyLocationCheck(),
        new MasterKeyPermissionsCheck(),
        new SmtpTlsCheck(),
        new MailDeliveryCheck(),
        new DebugOffCheck(),
        new DatabaseReachableCheck(),
        new MigrationsAppliedCheck(),
    ];

    public static IReadOnlyList<CheckResult> Evaluate(InstanceSnapshot snapshot) => All.Select(c => c.Evaluate(snapshot)).ToList();
}
