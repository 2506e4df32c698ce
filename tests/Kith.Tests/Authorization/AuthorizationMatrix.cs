namespace Kith.Tests.Authorization;

public enum Principal
{
    Anonymous,
    NoVault,
    Viewer,
    Editor,
    Manager,
    Administrator,
    OtherAccountManager,
}

public sealed record MatrixRow(EndpointKey Key, string Path, string Form, IReadOnlyDictionary<Principal, string> Expected)
{
    public bool IsVaultScoped => Path.Contains("{vaultId}", StringComparison.Ordinal);
    public bool SignsOut => Key.Method == "POST" && Key.Route.Equals("/Account/Logout", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads authorization-matrix.txt, the checked-in security decision for every endpoint.</summary>
public static class AuthorizationMatrix
{
    public static IReadOnlyList<MatrixRow> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Authorization", "authorization-matrix.txt");
        return File.ReadAllLines(path)
            .Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            .Select(Parse)
            .ToList();
    }

    private static MatrixRow Parse(string line)
    {
        var cells = line.Split('|').Select(c => c.Trim()).ToArray();
        if (cells.Length != 6) throw new FormatException($"Matrix line needs 6 cells: {line}");
        var outcomes = cells[5].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var principals = Enum.GetValues<Principal>();
        if (outcomes.Length != principals.Length) throw new FormatException($"Matrix line needs {principals.Length} outcomes: {line}");
        return new MatrixRow(new EndpointKey(cells[0], cells[1], cells[2]), cells[3], cells[4],
            principals.Zip(outcomes).ToDictionary(p => p.First, p => p.Second));
    }
}
