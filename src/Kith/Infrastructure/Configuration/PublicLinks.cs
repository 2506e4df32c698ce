using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Kith.Infrastructure.Configuration;

/// <summary>
/// Builds absolute links for emails from the configured BaseUrl only — never from the request's
/// Host header, which an attacker controls (the reset-link poisoning that hit Monica).
/// </summary>
public sealed class PublicLinks(IOptionsMonitor<KithOptions> options)
{
    public const string DevelopmentBaseUrl = "http://localhost:5000";

    public string Absolute(string path, IDictionary<string, string?>? query = null)
    {
        var baseUrl = (options.CurrentValue.BaseUrl ?? DevelopmentBaseUrl).TrimEnd('/');
        var url = baseUrl + "/" + path.TrimStart('/');
        return query is null ? url : QueryHelpers.AddQueryString(url, query);
    }
}
