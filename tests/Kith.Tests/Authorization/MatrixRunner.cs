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
                foreach (var (variant, vaultId, expected) in Variants(row, principal))
                {
                    checks++;
                    var failure = await CheckAsync(row, principal, variant, vaultId, expected);
                    if (failure is not null) failures.Add(failure);
                }
            }
        }
        return (checks, failures);
    }

    private IEnumerable<(string Variant, string VaultId, string Expected)> Variants(MatrixRow row, Principal principal)
    {
        yield return ("own", world.VaultA.ToString(), row.Expected[principal]);
        if (!row.IsVaultScoped) yield break;
        var signedIn = principal != Principal.Anonymous;
        var notFound = signedIn ? "404" : "login";
        if (principal != Principal.OtherAccountManager) yield return ("foreign vault", world.VaultB.ToString(), notFound);
        yield return ("non-existent", Guid.CreateVersion7().ToString(), notFound);
        yield return ("malformed", "not-a-guid", notFound);
    }

    private async Task<string?> CheckAsync(MatrixRow row, Principal principal, string variant, string vaultId, string expected)
    {
        var client = world.Clients[principal];
        var path = world.Placeholders.Aggregate(row.Path.Replace("{vaultId}", vaultId, StringComparison.Ordinal),
            (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal));
        var denial = expected is "login" or "403" or "404";
        var before = denial ? await world.ProtectedStateAsync() : null;

        using var response = row.Key.Method == "POST"
            ? await client.PostFormWithoutTokenAsync(path, await FormAsync(row, principal))
            : await client.GetAsync(path);
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
