namespace Kith.Infrastructure.Configuration;

/// <summary>
/// Every secret setting <c>X</c> may instead be given as <c>XFile</c>: the path of a file holding it.
/// This keeps secrets out of environment listings and process arguments (systemd credentials, Docker secrets).
/// </summary>
public static class SecretFiles
{
    public static readonly string[] SecretKeys =
    [
        "Kith:Database:ConnectionString",
        "Kith:Smtp:Password",
        "Kith:Smtp:Username",
    ];

    public static void Apply(ConfigurationManager configuration)
    {
        var resolved = new Dictionary<string, string?>();
        foreach (var key in SecretKeys)
        {
            var path = configuration[key + "File"];
            if (string.IsNullOrWhiteSpace(path)) continue;
            if (!File.Exists(path))
                throw new InvalidOperationException($"{key.Replace(":", "__", StringComparison.Ordinal)}File points to '{path}', which does not exist.");
            resolved[key] = File.ReadAllText(path).TrimEnd('\r', '\n');
        }
        if (resolved.Count > 0) configuration.AddInMemoryCollection(resolved);
    }
}
