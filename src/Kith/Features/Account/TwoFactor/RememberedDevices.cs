using System.Security.Cryptography;
using Kith.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.TwoFactor;

public sealed record RememberedDeviceView(Guid Id, string? UserAgent, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt);

public sealed class RememberedDevices(AppDbContext db, TimeProvider clock)
{
    public const string CookieName = "__Host-kith-device";

    public async Task RememberAsync(HttpContext context, Guid userId, CancellationToken ct)
    {
        var token = RandomNumberGenerator.GetBytes(32);
        var device = RememberedDevice.Remember(userId, SHA256.HashData(token), clock.GetUtcNow().UtcDateTime, context.Request.Headers.UserAgent.ToString());
        db.RememberedDevices.Add(device);
        await db.SaveChangesAsync(ct);
        context.Response.Cookies.Append(CookieName, WebEncoders.Base64UrlEncode(token), new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            Expires = device.ExpiresAt,
        });
    }

    /// <summary>True when this browser holds an unexpired, unrevoked token issued to this user.</summary>
    public async Task<bool> IsRememberedAsync(HttpContext context, Guid userId, CancellationToken ct)
    {
        if (HashOf(context) is not { } hash) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.RememberedDevices.Where(d => d.TokenHash == hash && d.UserId == userId && d.ExpiresAt > now)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.LastUsedAt, now), ct) == 1;
    }

    public Task<List<RememberedDeviceView>> ListAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RememberedDevices.AsNoTracking().Where(d => d.UserId == userId && d.ExpiresAt > now).OrderByDescending(d => d.CreatedAt)
            .Select(d => new RememberedDeviceView(d.Id, d.UserAgent, d.CreatedAt, d.ExpiresAt, d.LastUsedAt)).ToListAsync(ct);
    }

    public Task<int> RevokeAsync(Guid userId, Guid deviceId, CancellationToken ct) =>
        db.RememberedDevices.Where(d => d.Id == deviceId && d.UserId == userId).ExecuteDeleteAsync(ct);

    public Task<int> RevokeAllAsync(Guid userId, CancellationToken ct) =>
        db.RememberedDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);

    private static byte[]? HashOf(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || value is not { Length: > 0 and <= 64 }) return null;
        try
        {
            return SHA256.HashData(WebEncoders.Base64UrlDecode(value));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
