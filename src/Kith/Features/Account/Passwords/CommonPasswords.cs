namespace Kith.Features.Account.Passwords;

/// <summary>
/// The bundled list of the most common passwords (wwwroot/lib/common-passwords), also served to the
/// browser's strength meter so both judge a password the same way. Offline by design.
/// </summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> passwords;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Kith.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) passwords.Add(line);
        }
    }

    public int Count => passwords.Count;

    public bool Contains(string password) => passwords.Contains(password.Trim().ToLowerInvariant());
}
