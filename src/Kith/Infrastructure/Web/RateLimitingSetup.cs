using System.Globalization;
using System.Threading.RateLimiting;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;

namespace Kith.Infrastructure.Web;

/// <summary>
/// Marks a page or endpoint whose POSTs are authentication steps, limited per client to
/// Kith__Limits__AuthRequestsPerMinute; every other POST shares a looser per-client limit.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AuthRateLimitAttribute : Attribute;

public static class RateLimitingSetup
{
    public static IServiceCollection AddKithRateLimiting(this IServiceCollection services, KithOptions kith)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Error pages re-executed for a request already counted must not count it twice.
                var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null
                    || context.Features.Get<IExceptionHandlerPathFeature>() is not null;
                if (!HttpMethods.IsPost(context.Request.Method) || reExecuted) return RateLimitPartition.GetNoLimiter("unlimited");
                var client = ClientKeys.Of(context);
                var isAuthStep = context.GetEndpoint()?.Metadata.GetMetadata<AuthRateLimitAttribute>() is not null;
                return isAuthStep
                    ? PerMinute("auth:" + client, kith.Limits.AuthRequestsPerMinute)
                    : PerMinute("post:" + client, kith.Limits.PostsPerMinute);
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var context = rejected.HttpContext;
                if (context.RequestServices.GetRequiredService<RejectionLogThrottle>().ShouldLog("rate", context))
                    await context.RequestServices.GetRequiredService<SecurityLogWriter>().WriteAsync(SecurityEventTypes.RateLimited, detail: context.Request.Path, ct: ct);
                await Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Too many attempts", "Too many attempts from your network. Wait a minute and try again.");
            };
        });
        services.AddSingleton<RejectionLogThrottle>();
        return services;
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
