using System.Security.Claims;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kith.Features.Vaults;

/// <summary>
/// Turns a failed vault check into 404 for non-members (the vault does not exist for them) and 403 for
/// members without the level, and a signed-in caller refused by a policy with an <see cref="IHiddenResourceRequirement"/>
/// (the admin area) into 404; all are logged. Everything else keeps the framework's behaviour.
/// </summary>
public sealed class VaultAuthorizationResults(RejectionLogThrottle throttle) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failure = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<VaultAccessFailure>().FirstOrDefault();
        var hidden = authorizeResult.Forbidden && policy.Requirements.OfType<IHiddenResourceRequirement>().Any();
        if (!hidden && (!authorizeResult.Forbidden || failure is null))
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        context.Response.StatusCode = failure is { IsMember: true } && !hidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
        if (throttle.ShouldLog("authz:" + context.Request.Path, context))
        {
            var reason = failure?.Message ?? authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "Refused.";
            var userId = Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
            await context.RequestServices.GetRequiredService<SecurityLogWriter>().WriteAsync(SecurityEventTypes.AuthorizationFailed,
                userId, null, $"{context.Request.Method} {context.Request.Path} ({reason})", context.RequestAborted);
        }
    }
}
