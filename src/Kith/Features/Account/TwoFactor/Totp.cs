using System.Security.Cryptography;

namespace Kith.Features.Account.TwoFactor;

/// <summary>
/// RFC 6238 with the parameters every authenticator app supports: HMAC-SHA-1, 6 digits, 30-second steps.
/// Only the current step and one on either side are accepted (clock drift of up to 30 s each way).
/// </summary>
public static class Totp
{
    public const int SeedBytes = 20;
    public const int Digits = 6;
    public static readonly TimeSpan StepLength = TimeSpan.FromSeconds(30);
    public const int Window = 1;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)StepLength.TotalSeconds;

    public static string Code(ReadOnlySpan<byte> seed, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA-1; its collision weakness does not apply to HMAC.
        HMACSHA1.HashData(seed, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The step within the window whose code is <paramref name="code"/>, or null. Malformed input is simply no match.</summary>
    public static long? MatchingStep(ReadOnlySpan<byte> seed, string? code, long currentStep)
    {
        var normalized = Normalize(code);
        if (normalized is null) return null;
        long? match = null;
        // Every candidate is computed and compared in constant time, so timing does not tell which step matched.
        for (var step = currentStep - Window; step <= currentStep + Window; step++)
        {
            var expected = System.Text.Encoding.ASCII.GetBytes(Code(seed, step));
            if (CryptographicOperations.FixedTimeEquals(expected, System.Text.Encoding.ASCII.GetBytes(normalized))) match ??= step;
        }
        return match;
    }

    /// <summary>Six digits, allowing the spaces and dashes apps display; anything else is not a TOTP code.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null) return null;
        var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.Length == Digits && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static string OtpAuthUri(string issuer, string accountName, ReadOnlySpan<byte> seed) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountName)}?secret={Base32.Encode(seed)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={(int)StepLength.TotalSeconds}";
}

/// <summary>RFC 4648 base32 without padding: the format authenticator apps expect for a manual key.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var output = new System.Text.StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return output.ToString();
    }

    public static byte[] Decode(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException("Not base32.");
            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return output.ToArray();
    }
}
