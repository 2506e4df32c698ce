using Kith.Tests.Infrastructure;

namespace Kith.Tests.Operations;

/// <summary>
/// Runs after the other suites (scripts/test runs Category=Audit last): no captured log line of any test host
/// may contain a password, token or link that a test used.
/// </summary>
public sealed class LogAuditTests
{
    [Fact]
    [Trait("Category", "Audit")]
    public void No_log_line_of_the_whole_suite_contains_a_test_secret()
    {
        Assert.True(File.Exists(TestSecrets.LogFile), $"No captured logs at {TestSecrets.LogFile}: run the suites first (scripts/test).");
        Assert.True(File.Exists(TestSecrets.SecretsFile), $"No recorded secrets at {TestSecrets.SecretsFile}.");
        var lines = File.ReadAllLines(TestSecrets.LogFile);
        var secrets = File.ReadAllLines(TestSecrets.SecretsFile);
        Assert.True(lines.Length > 100, $"only {lines.Length} log lines were captured: the capture is not working");
        Assert.True(secrets.Length > 20, $"only {secrets.Length} secrets were recorded");

        Assert.Empty(Leaks(lines, secrets));
    }

    [Fact]
    public void The_audit_finds_a_secret_planted_in_a_log_line()
    {
        string[] lines = ["Information Kith sign-in ok", "Warning Kith reset https://kith.test/account/reset-password?code=Q2ZESjhB&userId=1"];
        string[] secrets = ["velvet tractor 1234567890 lantern", "Q2ZESjhB"];

        var leak = Assert.Single(Leaks(lines, secrets));
        Assert.Contains("Q2ZESjhB", leak, StringComparison.Ordinal);
    }

    internal static IReadOnlyList<string> Leaks(IEnumerable<string> lines, IEnumerable<string> secrets)
    {
        var distinct = secrets.Where(s => s.Length >= 8).Distinct(StringComparer.Ordinal).ToList();
        return lines.SelectMany(line => distinct.Where(secret => line.Contains(secret, StringComparison.Ordinal))
            .Select(secret => $"{secret} in: {line[..Math.Min(line.Length, 300)]}")).ToList();
    }
}
