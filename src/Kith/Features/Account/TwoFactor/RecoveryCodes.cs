using System.Security.Cryptography;
using System.Text;
using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.TwoFactor;

/// <summary>
/// Ten single-use codes of 50 random bits each. They are high-entropy secrets, so HMAC-SHA-256 with a per-code
/// salt is enough (no slow hash needed); redeeming deletes the row with a conditional delete, so a code works once.
/// </summary>
public sealed class RecoveryCodes(AppDbContext db, TimeProvider clock)
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public Task<int> RemainingAsync(Guid userId, CancellationToken ct) => db.RecoveryCodes.CountAsync(c => c.UserId == userId, ct);

    /// <summary>Replaces the user's codes; the returned plaintext is shown once and never stored.</summary>
    public async Task<IReadOnlyList<string>> RegenerateAsync(Guid userId, CancellationToken ct)
    {
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var codes = new List<string>(Count);
        for (var i = 0; i < Count; i++)
        {
            var code = NewCode();
            var salt = RandomNumberGenerator.GetBytes(TwoFactorLengths.Salt);
            db.RecoveryCodes.Add(RecoveryCode.Create(userId, salt, Hash(salt, code), now));
            codes.Add(code);
        }
        await db.SaveChangesAsync(ct);
        return codes;
    }

    public async Task<bool> RedeemAsync(Guid userId, string? input, CancellationToken ct)
    {
        var code = Normalize(input);
        if (code is null) return false;
        var candidates = await db.RecoveryCodes.AsNoTracking().Where(c => c.UserId == userId).Select(c => new { c.Id, c.Salt, c.Hash }).ToListAsync(ct);
        var match = candidates.FirstOrDefault(c => CryptographicOperations.FixedTimeEquals(c.Hash, Hash(c.Salt, code)));
        return match is not null && await db.RecoveryCodes.Where(c => c.Id == match.Id).ExecuteDeleteAsync(ct) == 1;
    }

    public Task<int> DeleteAllAsync(Guid userId, CancellationToken ct) => db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Shown as xxxxx-xxxxx; accepted in any case, with or without the dash or spaces.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null) return null;
        var text = input.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return text.Length == 10 && text.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? text : null;
    }

    private static string NewCode()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    private static byte[] Hash(byte[] salt, string code) =>
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(code.Replace("-", "", StringComparison.Ordinal)));
}
