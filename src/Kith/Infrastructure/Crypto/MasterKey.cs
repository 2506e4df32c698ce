using System.Security.Cryptography;
using Kith.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace Kith.Infrastructure.Crypto;

/// <summary>
/// The key that wraps everything else at rest (today: the data-protection key ring). It lives outside
/// the database: Kith__MasterKeyFile, or {DataDirectory}/master.key generated owner-only on first start.
/// </summary>
public sealed class MasterKey
{
    public const int KeyBytes = 32;
    private readonly Lazy<byte[]> key;

    public MasterKey(IOptions<KithOptions> options)
    {
        key = new Lazy<byte[]>(() => LoadOrCreate(options.Value));
    }

    public ReadOnlySpan<byte> Bytes => key.Value;

    public static string DefaultPath(KithOptions options) => options.DataPath("master.key");

    private static byte[] LoadOrCreate(KithOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.MasterKeyFile)) return Read(options.MasterKeyFile);
        var path = DefaultPath(options);
        if (File.Exists(path)) return Read(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = RandomNumberGenerator.GetBytes(KeyBytes);
        var temp = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, fileOptions))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(bytes));
        }
        File.Move(temp, path);
        return bytes;
    }

    private static byte[] Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"The master key file '{path}' does not exist.");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The master key file '{path}' must hold {KeyBytes} random bytes in base64 (e.g. `openssl rand -base64 32`).");
        }
        if (bytes.Length != KeyBytes)
            throw new InvalidOperationException($"The master key file '{path}' must hold exactly {KeyBytes} bytes in base64; it holds {bytes.Length}.");
        return bytes;
    }

    /// <summary>AES-256-GCM: nonce (12) | tag (16) | ciphertext.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[12 + 16 + plaintext.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Bytes, 16);
        aes.Encrypt(nonce, plaintext, output.AsSpan(28), output.AsSpan(12, 16), associatedData);
        return output;
    }

    public byte[] Decrypt(ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData)
    {
        if (sealedData.Length < 28) throw new CryptographicException("Sealed data is too short.");
        var plaintext = new byte[sealedData.Length - 28];
        using var aes = new AesGcm(Bytes, 16);
        aes.Decrypt(sealedData[..12], sealedData[28..], sealedData.Slice(12, 16), plaintext, associatedData);
        return plaintext;
    }
}
