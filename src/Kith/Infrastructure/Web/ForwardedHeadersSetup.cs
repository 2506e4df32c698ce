using System.Net;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.HttpOverrides;

namespace Kith.Infrastructure.Web;

/// <summary>
/// X-Forwarded-* headers are honoured only from the proxies listed in Kith__TrustedProxies
/// (comma-separated addresses or CIDR ranges). The framework's default of trusting loopback is removed,
/// and because the middleware trusts everyone when both lists are empty, it is not used at all without a list.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddKithForwardedHeaders(this IServiceCollection services, KithOptions kith)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list is still consulted by the middleware and defaults to loopback.
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            o.ForwardLimit = 1;
            foreach (var entry in Parse(kith.TrustedProxies))
            {
                if (entry.Contains('/', StringComparison.Ordinal)) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return services;
    }

    public static IEnumerable<string> Parse(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsValid(string entry) =>
        entry.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _);
}
