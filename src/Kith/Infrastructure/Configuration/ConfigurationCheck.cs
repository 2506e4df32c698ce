using Kith.Infrastructure.Email;
using Kith.Infrastructure.Web;

namespace Kith.Infrastructure.Configuration;

/// <summary>
/// Start-up checks. Errors stop Kith in every environment; in Production, unsafe settings are errors too,
/// each with the exact setting to change.
/// </summary>
public static class ConfigurationCheck
{
    public static IReadOnlyList<string> Problems(KithOptions o, bool isProduction)
    {
        var problems = new List<string>();
        if (o.Database.Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(o.Database.ConnectionString))
            problems.Add("Kith__Database__Provider is PostgreSql but Kith__Database__ConnectionString (or …ConnectionStringFile) is empty.");
        foreach (var entry in ForwardedHeadersSetup.Parse(o.TrustedProxies).Where(e => !ForwardedHeadersSetup.IsValid(e)))
            problems.Add($"Kith__TrustedProxies contains '{entry}', which is neither an IP address nor a CIDR range.");
        if (!string.IsNullOrWhiteSpace(o.BaseUrl) && !Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _))
            problems.Add($"Kith__BaseUrl '{o.BaseUrl}' is not an absolute URL such as https://kith.example.org.");
        if (o.Limits.PasswordResetTokenLifetime > TimeSpan.FromHours(1) || o.Limits.PasswordResetTokenLifetime <= TimeSpan.Zero)
            problems.Add("Kith__Limits__PasswordResetTokenLifetime must be more than zero and at most 01:00:00.");
        if (o.Smtp.IsConfigured && !MimeKit.MailboxAddress.TryParse(o.Smtp.From, out _))
            problems.Add($"Kith__Smtp__From '{o.Smtp.From}' is not an email address. Use e.g. Kith__Smtp__From=\"Kith <kith@example.org>\".");
        if (o.Smtp.IsConfigured && o.Smtp.Security == SmtpSecurity.None && !SmtpMailTransport.IsLoopback(o.Smtp.Host))
            problems.Add($"Kith__Smtp__Security is None for the remote host '{o.Smtp.Host}'. Use StartTls (port 587) or Tls (port 465).");
        if (!isProduction) return problems;

        if (string.IsNullOrWhiteSpace(o.BaseUrl))
            problems.Add("Kith__BaseUrl is not set. Set it to the public address, e.g. Kith__BaseUrl=https://kith.example.org: every emailed link is built from it.");
        else if (Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var baseUri) && baseUri.Scheme != Uri.UriSchemeHttps)
            problems.Add($"Kith__BaseUrl '{o.BaseUrl}' is not HTTPS. Serve Kith over HTTPS behind a reverse proxy and set Kith__BaseUrl=https://….");
        problems.AddRange(MasterKeyProblems(o));
        return problems;
    }

    /// <summary>
    /// In Production the master key must come from outside the data directory: a copy of that folder
    /// (the natural backup) must not hold both the encrypted keys and the key that opens them.
    /// </summary>
    private static IEnumerable<string> MasterKeyProblems(KithOptions o)
    {
        const string create = "Create one with `openssl rand -base64 32 > /etc/kith/master.key; chmod 600 /etc/kith/master.key` and set Kith__MasterKeyFile to it.";
        if (string.IsNullOrWhiteSpace(o.MasterKeyFile))
        {
            yield return "Kith__MasterKeyFile is not set. " + create;
            yield break;
        }
        if (!File.Exists(o.MasterKeyFile))
            yield return $"Kith__MasterKeyFile points to '{o.MasterKeyFile}', which does not exist. " + create;
        var dataDirectory = Path.GetFullPath(o.DataDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (Path.GetFullPath(o.MasterKeyFile).StartsWith(dataDirectory, StringComparison.Ordinal))
            yield return $"Kith__MasterKeyFile '{o.MasterKeyFile}' is inside the data directory; keep it elsewhere so a copy of the data is not enough to decrypt it.";
    }
}
