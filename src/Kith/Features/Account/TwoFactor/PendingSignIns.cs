using System.Security.Cryptography;
using Kith.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.TwoFactor;

/// <summary>The server-side state between a correct password and its second factor; the browser only holds a random token.</summary>
public sealed class PendingSignIns(AppDbContext db, TimeProvider clock)
{
    public const string CookieName = "__Host-kith-mfa";

    public async Task StartAsync(HttpContext context, User user, CancellationToken ct)
    {
        var token = RandomNumberGenerator.GetBytes(32);
        var pending = PendingSecondFactor.Start(user, SHA256.HashData(token), clock.GetUtcNow().UtcDateTime);
        db.PendingSecondFactors.Add(pending);
        await db.SaveChangesAsync(ct);
        context.Response.Cookies.Append(CookieName, WebEncoders.Base64UrlEncode(token), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
    }

    /// <summary>The open, unexpired sign-in this browser started, or null.</summary>
    public async Task<PendingSecondFactor?> FindAsync(HttpContext context, CancellationToken ct)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || value is not { Length: > 0 and <= 64 }) return null;
        byte[] hash;
        try
        {
            hash = SHA256.HashData(WebEncoders.Base64UrlDecode(value));
        }
        catch (FormatException)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.PendingSecondFactors.AsNoTracking().SingleOrDefaultAsync(p => p.TokenHash == hash && p.CompletedAt == null && p.ExpiresAt > now, ct);
    }

    /// <summary>Closes the pending sign-in; false when another request already did.</summary>
    public async Task<bool> CompleteAsync(HttpContext context, Guid pendingId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Secure = true, Path = "/" });
        return await db.PendingSecondFactors.Where(p => p.Id == pendingId && p.CompletedAt == null)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.CompletedAt, now), ct) == 1;
    }
}
