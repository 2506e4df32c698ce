using System.Net;
using Kith.Infrastructure.Web;

namespace Kith.Features.Admin.Checks;

public sealed class HttpsBaseUrlCheck() : SecurityCheck("https-base-url", "HTTPS base URL")
{
    private const string Fix = "Set Kith__BaseUrl to the public HTTPS address, e.g. Kith__BaseUrl=https://kith.example.org, and restart Kith.";

    public override CheckResult Evaluate(InstanceSnapshot snapshot)
    {
        var baseUrl = snapshot.Options.BaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
            return Fail("Kith__BaseUrl is not set, so emailed links point to http://localhost:5000.", Fix);
        return Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? Pass($"Emailed links are built from {baseUrl}.")
            : Fail($"Kith__BaseUrl is {baseUrl}, which is not HTTPS: emailed sign-in and reset links would travel in clear.", Fix);
    }
}

/// <summary>Kith sends HSTS on every HTTPS response; it is effective only if requests really arrive as HTTPS.</summary>
public sealed class HstsCheck() : SecurityCheck("hsts", "HSTS in effect")
{
    public override CheckResult Evaluate(InstanceSnapshot snapshot) => snapshot.Request.IsHttps
        ? Pass("This page arrived over HTTPS, so browsers were told to use only HTTPS here for a year (HSTS, including subdomains).")
        : Fail("This page arrived over plain HTTP (as Kith sees it), so no HSTS header was sent and a network attacker can strip HTTPS.",
            "Serve Kith only over HTTPS: terminate TLS at the reverse proxy, have it send X-Forwarded-Proto https, and list it in Kith__TrustedProxies.");
}

/// <summary>
/// X-Forwarded-* is believed only from Kith__TrustedProxies. A mismatch either way is a fault: an unlisted proxy makes
/// every client look like the proxy (one rate limit for everyone, useless logs) and the scheme look like HTTP.
/// </summary>
public sealed class ForwardedHeadersCheck() : SecurityCheck("forwarded-headers", "Reverse proxy settings")
{
    public override CheckResult Evaluate(InstanceSnapshot snapshot)
    {
        var request = snapshot.Request;
        var remote = request.RemoteAddress ?? "an unknown address";
        var proxies = ForwardedHeadersSetup.Parse(snapshot.Options.TrustedProxies).ToList();
        if (request.ForwardedHeadersApplied)
            return Pass($"This request came through a listed proxy; Kith sees the client as {remote}.");
        if (request.ForwardedHeadersIgnored && proxies.Count == 0)
            return Fail($"This request came through a proxy at {remote} (it sent X-Forwarded-For/-Proto), but Kith__TrustedProxies is empty, so every client looks like the proxy.",
                $"Set Kith__TrustedProxies={remote} (the proxy's address) and restart Kith.");
        if (request.ForwardedHeadersIgnored)
            return Fail($"This request carried X-Forwarded-* headers from {remote}, which is not in Kith__TrustedProxies ({string.Join(", ", proxies)}).",
                "Add the proxy's address to Kith__TrustedProxies, or stop that address from reaching Kith directly.");
        if (proxies.Count > 0 && IsListed(request.RemoteAddress, proxies))
            return Fail($"This request came from the listed proxy {remote} without X-Forwarded-For, so every client looks like the proxy.",
                "Have the proxy send X-Forwarded-For and X-Forwarded-Proto (see the README, \"Reverse proxy\").");
        return Pass(proxies.Count == 0
            ? $"A direct connection from {remote}; no proxy is configured and none was used."
            : $"A direct connection from {remote}, not through the listed proxies ({string.Join(", ", proxies)}).");
    }

    private static bool IsListed(string? address, IEnumerable<string> proxies) =>
        IPAddress.TryParse(address, out var ip) && proxies.Any(p => p.Contains('/', StringComparison.Ordinal)
            ? System.Net.IPNetwork.TryParse(p, out var network) && network.Contains(ip)
            : IPAddress.TryParse(p, out var proxy) && proxy.Equals(ip));
}
