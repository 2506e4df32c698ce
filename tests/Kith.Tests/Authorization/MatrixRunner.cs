using System.Net;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Authorization;

/// <summary>Requests every matrix row as every principal, with every id variant, and reports each mismatch.</summary>
public sealed partial class MatrixRunner(MatrixWorld world, IReadOnlyList<MatrixRow>? extraRows = null)
{
    public static readonly IReadOnlyList<MatrixRow> Matrix = AuthorizationMatrix.Load();
    private readonly Dictionary<Principal, string> tokens = [];

    public async Task<(int Checks, List<string> Failures)> RunAsync()
    {
        var failures = new List<string>();
        var checks = 0;
        foreach (var row in Matrix.Concat(extraRows ?? []).OrderBy(r => r.SignsOut))
        {
            foreach (var principal in Enum.GetValues<Principal>())
            {
                foreach (var (variant, vaultId, expected, foreignObject) in Variants(row, principal))
                {
                    checks++;
                    var failure = await CheckAsync(row, principal, variant, vaultId, expected, foreignObject);
                    if (failure is not null) failures.Add(failure);
                }
            }
        }
        return (checks, failures);
    }

    private IEnumerable<(string Variant, string VaultId, string Expected, bool ForeignObject)> Variants(MatrixRow row, Principal principal)
    {
        var own = row.Expected[principal];
        yield return ("own", world.VaultA.ToString(), own, false);
        // An object of account B in vault A's address (/vaults/A/contacts/{contactB}): whoever may reach the
        // handler must get 404, never B's data; denials that come first stay what they are.
        if (ForeignObjectPlaceholders(row.Path).Any()) yield return ("foreign object", world.VaultA.ToString(), own == "ok" ? "404" : own, true);
        if (!row.IsVaultScoped) yield break;
        var signedIn = principal != Principal.Anonymous;
        var notFound = signedIn ? "404" : "login";
        if (principal != Principal.OtherAccountManager) yield return ("foreign vault", world.VaultB.ToString(), notFound, false);
        yield return ("non-existent", Guid.CreateVersion7().ToString(), notFound, false);
        yield return ("malformed", "not-a-guid", notFound, false);
    }

    /// <summary>Placeholders such as {contactA} in a path that have a {contactB} counterpart.</summary>
    private IEnumerable<string> ForeignObjectPlaceholders(string path) =>
        world.Placeholders.Keys.Where(k => k.EndsWith("A}", StringComparison.Ordinal) && path.Contains(k, StringComparison.Ordinal)
            && world.Placeholders.ContainsKey(k[..^2] + "B}"));

    private string PathFor(MatrixRow row, string vaultId, bool foreignObject)
    {
        var path = row.Path.Replace("{vaultId}", vaultId, StringComparison.Ordinal);
        if (foreignObject)
            path = ForeignObjectPlaceholders(row.Path).Aggregate(path, (text, key) => text.Replace(key, world.Placeholders[key[..^2] + "B}"], StringComparison.Ordinal));
        return world.Placeholders.Aggregate(path, (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal));
    }

    private async Task<string?> CheckAsync(MatrixRow row, Principal principal, string variant, string vaultId, string expected, bool foreignObject)
    {
        var client = world.Clients[principal];
        var path = PathFor(row, vaultId, foreignObject);
        var denial = expected is "login" or "401" or "403" or "404";
        var before = denial ? await world.ProtectedStateAsync() : null;

        using var response = row.Key.Method switch
        {
            "POST" => await client.PostFormWithoutTokenAsync(path, await FormAsync(row, principal)),
            "GET" or "*" => await client.GetAsync(path),
            // WebDAV methods (PROPFIND): sent as they are, with the principal's session cookie.
            _ => await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(row.Key.Method), path), TestContext.Current.CancellationToken),
        };
        var body = await KithClient.BodyAsync(response);
        var actual = Classify(response);
        var where = $"{row.Key} [{principal}, {variant}]";

        // A leak is the worst outcome, so it is checked (and reported) before the status.
        var mayReadA = principal is Principal.Viewer or Principal.Editor or Principal.Manager;
        if (!mayReadA && body.Contains(world.CanaryA, StringComparison.Ordinal)) return $"{where}: LEAK of vault A's canary";
        if (principal != Principal.OtherAccountManager && body.Contains(world.CanaryB, StringComparison.Ordinal)) return $"{where}: LEAK of account B's canary";
        if (actual != expected) return $"{where}: expected {expected}, got {actual} ({(int)response.StatusCode})";
        // The CSP forbids inline style and script; catching them here covers every page for every principal.
        if (InlineCode().Match(body) is { Success: true } inline) return $"{where}: inline code the CSP would block: {inline.Value}";
        if (denial && before != await world.ProtectedStateAsync()) return $"{where}: a denied request changed the database";
        return null;
    }

    private async Task<Dictionary<string, string>> FormAsync(MatrixRow row, Principal principal)
    {
        if (!tokens.TryGetValue(principal, out var token))
        {
            var formPage = principal == Principal.Anonymous ? "/account/login" : "/account/manage/password";
            tokens[principal] = token = await world.Clients[principal].AntiforgeryTokenAsync(formPage);
        }
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        foreach (var pair in row.Form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair.Split('=', 2)[0], pair.Split('=', 2)[1]);
            form[name] = world.Placeholders.Aggregate(value, (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal));
        }
        return form;
    }

    private static string Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is 301 or 302 or 303 or 307 && (response.Headers.Location?.OriginalString ?? "").Contains("/account/login", StringComparison.OrdinalIgnoreCase))
            return "login";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "401",
            HttpStatusCode.Forbidden => "403",
            HttpStatusCode.NotFound => "404",
            _ when status >= 500 => "error",
            _ => "ok",
        };
    }

    public static string Normalize(EndpointKey key) =>
        $"{(key.Method == "*" ? "*" : key.Method.ToUpperInvariant())} {key.Route.ToUpperInvariant()} {key.Handler.ToUpperInvariant()}";

    [System.Text.RegularExpressions.GeneratedRegex(@"\sstyle=""|<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex InlineCode();
}
