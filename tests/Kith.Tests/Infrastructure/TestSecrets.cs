namespace Kith.Tests.Infrastructure;

/// <summary>
/// Every password, token and link a test uses is remembered here, so the log audit
/// (<see cref="Operations.LogAuditTests"/>) can prove none of them reached a log line.
/// </summary>
public static class TestSecrets
{
    private static readonly Lock Gate = new();

    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("KITH_TEST_ARTIFACTS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "kith-test-artifacts");

    public static string SecretsFile => Path.Combine(ArtifactsDirectory, "secrets.txt");
    public static string LogFile => Path.Combine(ArtifactsDirectory, "captured-logs.txt");

    public static string Remember(string secret)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(ArtifactsDirectory);
            File.AppendAllText(SecretsFile, secret.Replace('\n', ' ') + "\n");
        }
        return secret;
    }

    public static void AppendLog(string line)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(ArtifactsDirectory);
            File.AppendAllText(LogFile, line.Replace('\n', ' ') + "\n");
        }
    }
}
