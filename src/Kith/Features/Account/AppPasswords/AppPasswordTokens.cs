using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Kith.Features.Account.AppPasswords;

public sealed record AppPasswordToken(string LookupId, byte[] SecretHash);

/// <summary>
/// The format <c>kith_app_{16 hex lookup id}_{43 base64url secret}</c>: recognisable by secret scanners,
/// fixed-length so it parses without ambiguity, and never confused with an account password.
/// </summary>
public static class AppPasswordTokens
{
    public const string Prefix = "kith_app_";
    private const int SecretBytes = 32;
    private const int SecretChars = 43;
    public const int Length = 9 + AppPasswordLengths.LookupId + 1 + SecretChars;

    public static (string Token, AppPasswordToken Parsed) Create()
    {
        var lookupId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(AppPasswordLengths.LookupId / 2));
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
        var token = $"{Prefix}{lookupId}_{secret}";
        return (token, new AppPasswordToken(lookupId, Hash(secret)));
    }

    public static AppPasswordToken? Parse(string candidate)
    {
        if (candidate.Length != Length || !candidate.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var lookupId = candidate.Substring(Prefix.Length, AppPasswordLengths.LookupId);
        if (candidate[Prefix.Length + AppPasswordLengths.LookupId] != '_' || !lookupId.All(char.IsAsciiHexDigitLower)) return null;
        return new AppPasswordToken(lookupId, Hash(candidate[(Prefix.Length + AppPasswordLengths.LookupId + 1)..]));
    }

    public static bool Matches(byte[] stored, byte[] presented) => CryptographicOperations.FixedTimeEquals(stored, presented);

    private static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret));
}
