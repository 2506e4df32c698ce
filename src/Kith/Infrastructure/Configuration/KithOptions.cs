namespace Kith.Infrastructure.Configuration;

public enum RegistrationMode
{
    FirstAccountOnly,
    InviteOnly,
    Open,
    Closed,
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public enum SmtpSecurity
{
    /// <summary>STARTTLS when offered, and required unless the server is on loopback.</summary>
    Auto,
    StartTls,
    Tls,
    None,
}

public sealed class KithOptions
{
    public const string Section = "Kith";

    public string DataDirectory { get; set; } = "data";
    public string? BaseUrl { get; set; }
    public RegistrationMode Registration { get; set; } = RegistrationMode.FirstAccountOnly;
    public string? MasterKeyFile { get; set; }
    public string? TrustedProxies { get; set; }
    public DatabaseOptions Database { get; set; } = new();
    public SmtpOptions Smtp { get; set; } = new();
    public SessionOptions Sessions { get; set; } = new();
    public LimitOptions Limits { get; set; } = new();
    public MailOptions Mail { get; set; } = new();

    /// <summary>
    /// True when Kith is tried out on the machine itself over plain HTTP (no BaseUrl, or an http://localhost one).
    /// Browsers treat loopback as a secure context, so Secure cookies still work there; only the
    /// antiforgery and TempData cookies, whose server-side checks insist on HTTPS, drop the Secure flag.
    /// Production refuses a non-HTTPS BaseUrl, so this never applies to a deployed instance.
    /// </summary>
    public bool ServesPlainHttpOnLoopback =>
        string.IsNullOrWhiteSpace(BaseUrl)
        || (Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    public string DataPath(params string[] parts) =>
        Path.Combine([Path.GetFullPath(DataDirectory), .. parts]);
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string From { get; set; } = "Kith <kith@localhost>";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public sealed class SessionOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromDays(14);
}

public sealed class LimitOptions
{
    public int AuthRequestsPerMinute { get; set; } = 10;
    public int PostsPerMinute { get; set; } = 120;
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>The largest avatar photo accepted; its upload form alone may exceed <see cref="MaxRequestBodyBytes"/>.</summary>
    public long MaxAvatarBytes { get; set; } = 5 * 1_048_576;
    public TimeSpan PasswordResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    public int MaxFailedSignIns { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}

public sealed class MailOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
