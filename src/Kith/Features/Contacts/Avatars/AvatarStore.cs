using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kith.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace Kith.Features.Contacts.Avatars;

/// <summary>
/// The avatar files: &lt;data folder&gt;/avatars/&lt;random&gt;.webp, outside the web root, read only through the
/// authorized image page. A name that is not exactly what this class generates is never turned into a path.
/// </summary>
public sealed partial class AvatarStore(IOptions<KithOptions> options, ILogger<AvatarStore> logger)
{
    public string Directory => options.Value.DataPath("avatars");

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Writes the file under a new random name (written to a temporary name, then moved, so a reader never sees half a file).</summary>
    public async Task<string> SaveAsync(byte[] encoded, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + AvatarImage.Extension;
        var path = Path.Combine(Directory, name);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, encoded, ct);
        File.Move(temporary, path);
        return name;
    }

    public string? PathOf(string? name)
    {
        if (!IsValidName(name)) return null;
        var path = Path.Combine(Directory, Rebuilt(name!));
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Deletes avatar files once the database no longer points at them (after the commit). The purge of contacts
    /// calls this with the AvatarFile values of the rows it deleted. A failure is logged, never thrown: the row is
    /// already gone, and a leftover file is only disk space.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "SCS0018:Path traversal",
        Justification = "The taint analysis cannot see the pattern check: only 32 hex digits + .webp, rebuilt from a Guid, reach the path.")]
    public void Delete(IEnumerable<string?> names)
    {
        foreach (var name in names)
        {
            if (!IsValidName(name)) continue;
            try
            {
                File.Delete(Path.Combine(Directory, Rebuilt(name!)));
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete avatar file {AvatarFile}", name);
            }
            catch (UnauthorizedAccessException e)
            {
                logger.LogWarning(e, "Could not delete avatar file {AvatarFile}", name);
            }
        }
    }

    public void Delete(string? name) => Delete([name]);

    /// <summary>The file name rebuilt from its 128 random bits, so no character of a stored value reaches the file system.</summary>
    private static string Rebuilt(string name) =>
        Guid.ParseExact(name.AsSpan(0, 32), "N").ToString("N") + AvatarImage.Extension;

    [GeneratedRegex(@"\A[0-9a-f]{32}\.webp\z")]
    private static partial Regex NamePattern();
}
