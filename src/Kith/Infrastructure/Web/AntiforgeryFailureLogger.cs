using Kith.Features.Account.SecurityLog;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kith.Infrastructure.Web;

/// <summary>Records every rejected antiforgery token as a security event; the response stays a plain 400.</summary>
public sealed class AntiforgeryFailureLogger(SecurityLogWriter securityLog, RejectionLogThrottle throttle) : IAsyncAlwaysRunResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is IAntiforgeryValidationFailedResult && throttle.ShouldLog("antiforgery", context.HttpContext))
            await securityLog.WriteAsync(SecurityEventTypes.AntiforgeryFailed, detail: context.HttpContext.Request.Path, ct: context.HttpContext.RequestAborted);
        await next();
    }
}
