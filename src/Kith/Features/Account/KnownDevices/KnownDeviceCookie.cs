using System.Security.Cryptography;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.KnownDevices;

/// <summary>
/// Decides at each completed sign-in (password, second factor or passkey) whether the browser is new for this user.
/// A new one gets the long-lived cookie and, unless it is the user's very first sign-in, a NewDeviceSignIn event
/// (which sends the alert). One browser may be known to several users; the token is the same, the rows are per user.
/// </summary>
public sealed class KnownDeviceCookie(AppDbContext db, SecurityLogWriter securityLog, TimeProvider clock)
{
    public const string CookieName = "__Host-kith-known";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(400);

    /// <summary>Joins the caller's unit of work: the caller saves.</summary>
    public async Task NoteSignInAsync(HttpContext context, User user, string method, CancellationToken ct)
    {
        var token = Read(context);
        if (token is not null)
        {
            var hash = SHA256.HashData(token);
            if (await db.KnownDevices.AnyAsync(d => d.UserId == user.Id && d.TokenHash == hash, ct)) return;
        }
        var firstSignIn = !await db.KnownDevices.AnyAsync(d => d.UserId == user.Id, ct);
        if (token is null)
        {
            token = RandomNumberGenerator.GetBytes(32);
            context.Response.Cookies.Append(CookieName, WebEncoders.Base64UrlEncode(token), new CookieOptions
            {
                HttpOnly = true,
                Secure = true,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                IsEssential = true,
                Expires = clock.GetUtcNow() + Lifetime,
            });
        }
        db.KnownDevices.Add(KnownDevice.Note(user.Id, SHA256.HashData(token), clock.GetUtcNow().UtcDateTime));
        if (!firstSignIn) securityLog.Add(SecurityEventTypes.NewDeviceSignIn, user, method);
    }

    private static byte[]? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || value is not { Length: 43 }) return null;
        try
        {
            var bytes = WebEncoders.Base64UrlDecode(value);
            return bytes.Length == 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
