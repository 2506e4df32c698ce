using System.Globalization;
using System.Threading.RateLimiting;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.RateLimiting;

namespace Kith.Infrastructure.Web;

/// <summary>Marks a page or endpoint whose POSTs are authentication steps, limited per client IP.</summary>
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
                var isAuthStep = HttpMethods.IsPost(context.Request.Method)
                    && context.GetEndpoint()?.Metadata.GetMetadata<AuthRateLimitAttribute>() is not null;
                if (!isAuthStep) return RateLimitPartition.GetNoLimiter("unlimited");
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter("auth:" + client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = kith.Limits.AuthRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var log = rejected.HttpContext.RequestServices.GetRequiredService<SecurityLogWriter>();
                await log.WriteAsync(SecurityEventTypes.RateLimited, detail: rejected.HttpContext.Request.Path, ct: ct);
                await Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Too many attempts", "Too many attempts from your network. Wait a minute and try again.");
            };
        });
        return services;
    }
}
