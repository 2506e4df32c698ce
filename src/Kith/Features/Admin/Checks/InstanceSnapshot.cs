using System.Globalization;
using Kith.Infrastructure.Configuration;

namespace Kith.Features.Admin.Checks;

/// <summary>
/// Everything the overview and the security checks look at, read once per request by
/// <see cref="InstanceSnapshotReader"/>. Plain data, so each check is a pure function of it.
/// </summary>
public sealed record InstanceSnapshot(
    DateTimeOffset Now,
    KithOptions Options,
    RuntimeFacts Runtime,
    RequestFacts Request,
    MasterKeyFacts MasterKey,
    DatabaseFacts Database,
    MailFacts Mail);

public sealed record RuntimeFacts(string EnvironmentName, bool DetailedErrors);

/// <summary>
/// The request that asked, as Kith sees it after the forwarded-headers step: <paramref name="ForwardedHeadersIgnored"/>
/// means X-Forwarded-* arrived and nobody applied them; <paramref name="ForwardedHeadersApplied"/> that a listed proxy's were.
/// </summary>
public sealed record RequestFacts(bool IsHttps, string? RemoteAddress, bool ForwardedHeadersIgnored, bool ForwardedHeadersApplied);

/// <summary><paramref name="Mode"/> is null where it cannot be read (a missing file, or Windows).</summary>
public sealed record MasterKeyFacts(string Path, bool Configured, bool Exists, bool InsideDataDirectory, UnixFileMode? Mode);

/// <summary><paramref name="PendingMigrations"/> is null when the database could not be asked.</summary>
public sealed record DatabaseFacts(DatabaseProvider Provider, bool Reachable, int? PendingMigrations);

/// <summary><paramref name="Outbox"/> is null when the database could not be asked.</summary>
public sealed record MailFacts(OutboxFacts? Outbox, DateTimeOffset? LastHeartbeat);

/// <summary>Undelivered mail: how much, since when, and the latest delivery errors.</summary>
public sealed record OutboxFacts(int Backlog, DateTime? OldestUndelivered, IReadOnlyList<string> RecentErrors)
{
    public TimeSpan? OldestAge(DateTimeOffset now) => OldestUndelivered is { } at ? now - new DateTimeOffset(at, TimeSpan.Zero) : null;
}

public static class Describe
{
    public static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 90 } => Plural((int)Math.Max(0, age.TotalSeconds), "second"),
        { TotalMinutes: < 90 } => Plural((int)age.TotalMinutes, "minute"),
        { TotalHours: < 36 } => Plural((int)age.TotalHours, "hour"),
        _ => Plural((int)age.TotalDays, "day"),
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string FileMode(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');

    public static string MailTransport(KithOptions options) => options.Smtp.IsConfigured
        ? $"SMTP {options.Smtp.Host}:{options.Smtp.Port.ToString(CultureInfo.InvariantCulture)} (security: {options.Smtp.Security})"
        : $"Pickup folder {options.DataPath("mail")}";

    private static string Plural(int count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
}
