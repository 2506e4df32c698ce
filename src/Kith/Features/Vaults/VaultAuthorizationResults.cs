using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kith.Features.Vaults;

/// <summary>
/// Turns a failed vault check into 404 for non-members (the vault does not exist for them) and 403 for
/// members without the level; both are logged. Everything else keeps the framework's behaviour.
/// </summary>
public sealed class VaultAuthorizationResults(RejectionLogThrottle throttle) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failure = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<VaultAccessFailure>().FirstOrDefault();
        if (!authorizeResult.Forbidden || failure is null)
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        context.Response.StatusCode = failure.IsMember ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
        if (throttle.ShouldLog("authz:" + context.Request.Path, context))
        {
            var scope = context.RequestServices.GetRequiredService<VaultScope>();
            await context.RequestServices.GetRequiredService<SecurityLogWriter>().WriteAsync(SecurityEventTypes.AuthorizationFailed,
                scope.UserId == Guid.Empty ? null : scope.UserId, null,
                $"{context.Request.Method} {context.Request.Path} ({failure.Message})", context.RequestAborted);
        }
    }
}
