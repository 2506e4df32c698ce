using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Kith.Infrastructure.Web;

/// <summary>
/// Who a request comes from, for rate limiting: the IPv4 address, or the IPv6 /64 (one subscriber's
/// allocation, so rotating through it does not buy more attempts).
/// </summary>
public static class ClientKeys
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>
/// Lets a flood produce one security event per client and kind per minute instead of one per request,
/// so logging a rejection can never become the denial of service.
/// </summary>
public sealed class RejectionLogThrottle(TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastLogged = new();

    public bool ShouldLog(string kind, HttpContext context)
    {
        var now = clock.GetUtcNow();
        var key = kind + ":" + ClientKeys.Of(context);
        if (lastLogged.TryGetValue(key, out var last) && now - last < Window) return false;
        lastLogged[key] = now;
        if (lastLogged.Count > 10_000) Prune(now);
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, at) in lastLogged)
        {
            if (now - at >= Window) lastLogged.TryRemove(key, out _);
        }
    }
}
