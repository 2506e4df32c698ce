using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Features.Account.AppPasswords;

/// <summary>
/// HTTP Basic with the account email and an app password, for CardDAV/CalDAV clients, which cannot do cookies or
/// a second factor. Account passwords are never accepted here: they would bypass MFA, and checking one would cost a
/// PBKDF2 hash per request. Used only by the /dav endpoints (they name this scheme, so a session cookie does not count).
/// </summary>
public sealed class DavAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, ILookupNormalizer normalizer, DavFailureLimiter limiter, SecurityLogWriter securityLog, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DavBasic";
    public const string ScopeClaim = "kith:app_password_scope";
    private const string RateLimitedItem = "Kith.DavRateLimited";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        if (limiter.IsBlocked(Context))
        {
            Context.Items[RateLimitedItem] = true;
            return AuthenticateResult.Fail("Too many refused credentials from this network.");
        }
        if (Decode(header.Parameter) is not var (email, secret)) return await RefuseAsync(null, "malformed credentials");

        var normalized = normalizer.NormalizeEmail(email);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, Context.RequestAborted);
        if (user is null) return await RefuseAsync(null, "unknown email");
        if (AppPasswordTokens.Parse(secret) is not { } token) return await RefuseAsync(user, "not an app password");
        var appPassword = await db.AppPasswords.AsNoTracking()
            .SingleOrDefaultAsync(p => p.LookupId == token.LookupId && p.UserId == user.Id, Context.RequestAborted);
        if (appPassword is null || !AppPasswordTokens.Matches(appPassword.SecretHash, token.SecretHash))
            return await RefuseAsync(user, "wrong or revoked app password");
        if (user.DeactivatedAt is not null) return await RefuseAsync(user, "user deactivated");
        if (!DavPaths.Allows(Request.Path, appPassword.Scope)) return await RefuseAsync(user, $"scope {appPassword.Scope} does not cover this path");

        await NoteUseAsync(appPassword);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ScopeClaim, appPassword.Scope.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // DAV clients read the status and header, not an HTML error page.
        Context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        if (Context.Items.ContainsKey(RateLimitedItem))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)DavFailureLimiter.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Kith\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private async Task<AuthenticateResult> RefuseAsync(User? user, string reason)
    {
        limiter.RecordFailure(Context);
        await securityLog.WriteAsync(SecurityEventTypes.AppPasswordRefused, user?.Id, user?.AccountId, reason, Context.RequestAborted);
        return AuthenticateResult.Fail("The credentials were refused.");
    }

    /// <summary>At most one write per few minutes per app password, so a syncing client does not write on every request.</summary>
    private async Task NoteUseAsync(AppPassword appPassword)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (appPassword.LastUsedAt is { } last && now - last < LastUsedResolution) return;
        var staleBefore = now - LastUsedResolution;
        await db.AppPasswords.Where(p => p.Id == appPassword.Id && (p.LastUsedAt == null || p.LastUsedAt < staleBefore))
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.LastUsedAt, now), Context.RequestAborted);
    }

    private static (string Email, string Secret)? Decode(string? parameter)
    {
        if (string.IsNullOrEmpty(parameter) || parameter.Length > 1024) return null;
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > FieldLengths.Email) return null;
        return (decoded[..colon].Trim(), decoded[(colon + 1)..]);
    }
}

/// <summary>Which app password scope each part of /dav needs.</summary>
public static class DavPaths
{
    public const string Root = "/dav";
    public const string Principals = "/dav/principals";
    public const string AddressBooks = "/dav/addressbooks";
    public const string Calendars = "/dav/calendars";

    public static bool Allows(PathString path, AppPasswordScope scope)
    {
        if (path.StartsWithSegments(AddressBooks, StringComparison.OrdinalIgnoreCase)) return scope == AppPasswordScope.CardDav;
        if (path.StartsWithSegments(Calendars, StringComparison.OrdinalIgnoreCase)) return scope == AppPasswordScope.CalDav;
        // The root and the principals only say who you are and where your collections live: either scope may ask.
        return scope is AppPasswordScope.CardDav or AppPasswordScope.CalDav;
    }
}
