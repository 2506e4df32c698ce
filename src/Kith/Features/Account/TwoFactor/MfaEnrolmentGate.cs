using System.Security.Claims;

namespace Kith.Features.Account.TwoFactor;

/// <summary>
/// When the account requires MFA, a signed-in user without it can only enrol (or sign out): every other page
/// redirects to enrolment, and any other request (a form post, an API call) gets 403.
/// </summary>
public sealed class MfaEnrolmentGate(RequestDelegate next)
{
    public const string EnrolmentPath = "/account/manage/two-factor";

    // Enrolling with a passkey instead of an authenticator app must stay possible.
    public const string PasskeyEnrolmentPath = "/account/manage/passkeys";

    private static readonly string[] OpenPaths =
    [
        EnrolmentPath, PasskeyEnrolmentPath, "/account/logout", "/account/reauthenticate", "/error", "/health", "/csp-report",
    ];

    private static readonly string[] ApiPrefixes = ["/api", "/dav", "/.well-known"];

    public async Task InvokeAsync(HttpContext context, MfaEnrolment enrolment)
    {
        var userId = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null || !Guid.TryParse(userId, out var id) || IsOpen(context.Request.Path)
            || !(context.Items[MfaEnrolment.MustEnrolItem] is bool known ? known : await enrolment.MustEnrolAsync(id, context.RequestAborted)))
        {
            await next(context);
            return;
        }
        var isPageRead = (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && !ApiPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
        if (isPageRead)
            context.Response.Redirect(EnrolmentPath);
        else
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    private static bool IsOpen(PathString path) => OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase));
}
