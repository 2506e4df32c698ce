using System.Security.Claims;
using System.Security.Cryptography;
using Kith.Data;
using Kith.Features.Account.TwoFactor;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Features.Account.Sessions;

/// <summary>
/// Keeps authentication tickets in the UserSessions table; the cookie carries only a random key, and the
/// table only that key's SHA-256, so a copy of the database holds no usable session.
/// Removing a row (sign-out, password change, reset, revoke) ends that session on its next request.
/// </summary>
public sealed class DatabaseTicketStore(IDataProtectionProvider dataProtection, TimeProvider clock, IOptionsMonitor<KithOptions> options) : ITicketStore
{
    public const string CurrentSessionKeyItem = "Kith.SessionKey";
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);
    private readonly IDataProtector protector = dataProtection.CreateProtector("Kith.Sessions.Ticket.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var db = httpContext.RequestServices.GetRequiredService<AppDbContext>();
        var userId = Guid.Parse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A session needs a user id."));
        var now = clock.GetUtcNow().UtcDateTime;
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var session = UserSession.Start(HashKey(key), userId, Protect(ticket), now, now + options.CurrentValue.Sessions.AbsoluteTimeout,
            httpContext.Connection.RemoteIpAddress?.ToString(), httpContext.Request.Headers.UserAgent.ToString());
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        httpContext.Items[CurrentSessionKeyItem] = key;
        return key;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var db = httpContext.RequestServices.GetRequiredService<AppDbContext>();
        var hash = HashKey(key);
        var mustEnrol = MfaEnrolment.MustEnrol(db);
        var found = await db.UserSessions.AsNoTracking().Where(s => s.Key == hash)
            .Select(s => new { Session = s, MustEnrol = db.Users.Where(u => u.Id == s.UserId).Any(mustEnrol) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var session = found.Session;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!session.IsActive(now, options.CurrentValue.Sessions.IdleTimeout))
        {
            await db.UserSessions.Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        if (now - session.LastSeenAt >= LastSeenResolution)
            await db.UserSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        httpContext.Items[CurrentSessionKeyItem] = key;
        httpContext.Items[MfaEnrolment.MustEnrolItem] = found.MustEnrol;
        return Unprotect(session.Ticket);
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var db = httpContext.RequestServices.GetRequiredService<AppDbContext>();
        var bytes = Protect(ticket);
        var hash = HashKey(key);
        await db.UserSessions.Where(s => s.Key == hash).ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes), cancellationToken);
    }

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var db = httpContext.RequestServices.GetRequiredService<AppDbContext>();
        var hash = HashKey(key);
        await db.UserSessions.Where(s => s.Key == hash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// After a security-stamp change the user chose not to end their other sessions: their stored tickets get the
    /// new stamp, so the stamp check (every minute) keeps them. A ticket that cannot be read is ended instead.
    /// </summary>
    public async Task RestampOtherSessionsAsync(AppDbContext db, Guid userId, string? exceptKey, string stampClaimType, string newStamp, CancellationToken ct)
    {
        var exceptHash = exceptKey is null ? null : HashKey(exceptKey);
        var sessions = await db.UserSessions.Where(s => s.UserId == userId && s.Key != exceptHash).ToListAsync(ct);
        foreach (var session in sessions)
        {
            var ticket = Unprotect(session.Ticket);
            if (ticket is null)
            {
                db.UserSessions.Remove(session);
                continue;
            }
            TicketClaims.Replace(ticket.Principal, stampClaimType, newStamp);
            session.Ticket = Protect(ticket);
        }
        await db.SaveChangesAsync(ct);
    }

    // The cookie handler always calls the HttpContext overloads; these exist only to satisfy the interface.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw new NotSupportedException();
    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw new NotSupportedException();
    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw new NotSupportedException();
    public Task RemoveAsync(string key) => throw new NotSupportedException();

    public static string HashKey(string key) => WebEncoders.Base64UrlEncode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] bytes)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(bytes));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

public static class SessionRevocation
{
    public static Task<int> RevokeAllAsync(this AppDbContext db, Guid userId, CancellationToken ct) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    public static Task<int> RevokeAllExceptAsync(this AppDbContext db, Guid userId, string? keepKey, CancellationToken ct)
    {
        var keepHash = keepKey is null ? null : DatabaseTicketStore.HashKey(keepKey);
        return db.UserSessions.Where(s => s.UserId == userId && s.Key != keepHash).ExecuteDeleteAsync(ct);
    }

    public static string? CurrentSessionKey(this HttpContext context) =>
        context.Items.TryGetValue(DatabaseTicketStore.CurrentSessionKeyItem, out var key) ? key as string : null;
}

internal sealed class ConfigureTicketStore(DatabaseTicketStore store) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme) options.SessionStore = store;
    }
}
