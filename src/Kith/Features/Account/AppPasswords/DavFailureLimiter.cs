using System.Collections.Concurrent;
using Kith.Infrastructure.Web;

namespace Kith.Features.Account.AppPasswords;

/// <summary>
/// Counts refused DAV credentials per client network. Past the limit every attempt is refused without a database
/// lookup until the window ends, so guessing app passwords (or flooding the log) goes nowhere.
/// </summary>
public sealed class DavFailureLimiter(TimeProvider clock)
{
    public const int MaxFailures = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> failures = new();

    public bool IsBlocked(HttpContext context) =>
        failures.TryGetValue(ClientKeys.Of(context), out var entry) && clock.GetUtcNow() - entry.Start < Window && entry.Count >= MaxFailures;

    public void RecordFailure(HttpContext context)
    {
        var now = clock.GetUtcNow();
        failures.AddOrUpdate(ClientKeys.Of(context), _ => (now, 1),
            (_, entry) => now - entry.Start >= Window ? (now, 1) : (entry.Start, entry.Count + 1));
        if (failures.Count > 10_000) Prune(now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in failures)
            if (now - entry.Start >= Window) failures.TryRemove(key, out _);
    }
}
