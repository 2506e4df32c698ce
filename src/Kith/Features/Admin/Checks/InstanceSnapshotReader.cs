using Kith.Data;
using Kith.Infrastructure.Configuration;
using Kith.Infrastructure.Crypto;
using Kith.Infrastructure.Email;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Features.Admin.Checks;

/// <summary>Reads the facts behind the overview and the security checks: configuration, files, database, outbox, this request.</summary>
public sealed class InstanceSnapshotReader(AppDbContext db, IOptionsMonitor<KithOptions> options, IHostEnvironment environment,
    IConfiguration configuration, WorkerHeartbeat heartbeat, TimeProvider clock)
{
    private const int ErrorsShown = 3;

    public async Task<InstanceSnapshot> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var database = await DatabaseAsync(o, ct);
        var outbox = database.Reachable ? await OutboxAsync(ct) : null;
        return new InstanceSnapshot(clock.GetUtcNow(), o, Runtime(), Request(http), MasterKeyFile(o), database,
            new MailFacts(outbox, heartbeat.LastBeat(nameof(MailDeliveryWorker))));
    }

    private RuntimeFacts Runtime() => new(environment.EnvironmentName,
        bool.TryParse(configuration[WebHostDefaults.DetailedErrorsKey], out var detailed) && detailed);

    private static RequestFacts Request(HttpContext http)
    {
        var headers = http.Request.Headers;
        // The middleware moves the values it applied to X-Original-*; X-Forwarded-* left alone means nobody trusted them.
        var applied = headers.ContainsKey(ForwardedHeadersDefaults.XOriginalForHeaderName)
            || headers.ContainsKey(ForwardedHeadersDefaults.XOriginalProtoHeaderName);
        var forwarded = headers.ContainsKey(ForwardedHeadersDefaults.XForwardedForHeaderName)
            || headers.ContainsKey(ForwardedHeadersDefaults.XForwardedProtoHeaderName);
        var remote = http.Connection.RemoteIpAddress;
        if (remote is { IsIPv4MappedToIPv6: true }) remote = remote.MapToIPv4();
        return new RequestFacts(http.Request.IsHttps, remote?.ToString(), forwarded && !applied, applied);
    }

    private static MasterKeyFacts MasterKeyFile(KithOptions o)
    {
        var configured = !string.IsNullOrWhiteSpace(o.MasterKeyFile);
        var path = Path.GetFullPath(configured ? o.MasterKeyFile! : MasterKey.DefaultPath(o));
        var file = new FileInfo(path);
        var exists = file.Exists;
        // A link into the data directory is as good as a file there: judge where the key really is.
        var target = exists ? file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;
        var dataDirectory = Path.GetFullPath(o.DataDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        UnixFileMode? mode = exists && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(target) : null;
        return new MasterKeyFacts(path, configured, exists, target.StartsWith(dataDirectory, StringComparison.Ordinal), mode);
    }

    private async Task<DatabaseFacts> DatabaseAsync(KithOptions o, CancellationToken ct)
    {
        // CanConnectAsync catches connection failures itself and answers false.
        var reachable = await db.Database.CanConnectAsync(ct);
        int? pending = reachable ? (await db.Database.GetPendingMigrationsAsync(ct)).Count() : null;
        return new DatabaseFacts(o.Database.Provider, reachable, pending);
    }

    private async Task<OutboxFacts> OutboxAsync(CancellationToken ct)
    {
        var waiting = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null);
        var backlog = await waiting.CountAsync(ct);
        var oldest = await waiting.OrderBy(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(ct);
        var errors = await waiting.Where(m => m.LastError != null)
            .OrderByDescending(m => m.NextAttemptAt)
            .Select(m => m.LastError!)
            .Take(ErrorsShown)
            .ToListAsync(ct);
        return new OutboxFacts(backlog, oldest, errors.Distinct(StringComparer.Ordinal).ToList());
    }
}
