using System.Security.Cryptography;
using System.Text;
using Kith.Data;
using Kith.Infrastructure.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.TwoFactor;

public enum TotpCheck
{
    Accepted,
    Rejected,
    Replayed,
}

/// <summary>
/// Kith's own TOTP provider (Identity's accepts ±2 steps and the same code twice). A code is accepted only
/// when its step is newer than the last accepted one; the update is conditional, so two requests racing with
/// the same code cannot both win.
/// </summary>
public sealed class Authenticators(AppDbContext db, MasterKey masterKey, TimeProvider clock)
{
    public async Task<bool> IsEnabledAsync(Guid userId, CancellationToken ct) =>
        await db.TotpAuthenticators.AnyAsync(t => t.UserId == userId && t.ConfirmedAt != null, ct);

    /// <summary>Starts (or restarts) enrolment with a fresh seed; an enabled authenticator is never replaced here.</summary>
    public async Task<bool> BeginAsync(Guid userId, CancellationToken ct)
    {
        if (await IsEnabledAsync(userId, ct)) return false;
        await db.TotpAuthenticators.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        var seed = RandomNumberGenerator.GetBytes(Totp.SeedBytes);
        db.TotpAuthenticators.Add(TotpAuthenticator.Begin(userId, masterKey.Encrypt(seed, Purpose(userId)), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The seed of an enrolment not yet confirmed, to show as QR code and manual key.</summary>
    public async Task<byte[]?> PendingSeedAsync(Guid userId, CancellationToken ct)
    {
        var sealedSeed = await db.TotpAuthenticators.Where(t => t.UserId == userId && t.ConfirmedAt == null).Select(t => t.SealedSeed).SingleOrDefaultAsync(ct);
        return sealedSeed is null ? null : masterKey.Decrypt(sealedSeed, Purpose(userId));
    }

    /// <summary>Confirms a pending enrolment with a first code (which is then used up like any other).</summary>
    public async Task<bool> ConfirmAsync(Guid userId, string? code, CancellationToken ct)
    {
        var check = await CheckAsync(userId, code, confirmed: false, ct);
        if (check != TotpCheck.Accepted) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.TotpAuthenticators.Where(t => t.UserId == userId && t.ConfirmedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.ConfirmedAt, now), ct) == 1;
    }

    public Task<TotpCheck> VerifyAsync(Guid userId, string? code, CancellationToken ct) => CheckAsync(userId, code, confirmed: true, ct);

    public Task<int> DisableAsync(Guid userId, CancellationToken ct) =>
        db.TotpAuthenticators.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);

    private async Task<TotpCheck> CheckAsync(Guid userId, string? code, bool confirmed, CancellationToken ct)
    {
        var row = await db.TotpAuthenticators.AsNoTracking()
            .Where(t => t.UserId == userId && (confirmed ? t.ConfirmedAt != null : t.ConfirmedAt == null))
            .Select(t => new { t.SealedSeed, t.LastAcceptedStep })
            .SingleOrDefaultAsync(ct);
        if (row is null) return TotpCheck.Rejected;
        var seed = masterKey.Decrypt(row.SealedSeed, Purpose(userId));
        var step = Totp.MatchingStep(seed, code, Totp.StepAt(clock.GetUtcNow()));
        CryptographicOperations.ZeroMemory(seed);
        if (step is not { } matched) return TotpCheck.Rejected;
        if (matched <= row.LastAcceptedStep) return TotpCheck.Replayed;
        var won = await db.TotpAuthenticators.Where(t => t.UserId == userId && t.LastAcceptedStep < matched)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastAcceptedStep, matched), ct);
        return won == 1 ? TotpCheck.Accepted : TotpCheck.Replayed;
    }

    private static byte[] Purpose(Guid userId) => Encoding.UTF8.GetBytes("Kith.TotpSeed.v1:" + userId.ToString("N"));
}
