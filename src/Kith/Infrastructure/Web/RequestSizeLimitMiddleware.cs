using Kith.Features.Contacts.Avatars;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Kith.Infrastructure.Web;

/// <summary>
/// Refuses oversized bodies up front with 413 and a problem-details body. Kestrel enforces the same
/// limit on bodies without a Content-Length (chunked).
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<KithOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value.Limits;
        // Runs before routing, so the one upload form that may be larger is recognized by its path.
        var limit = AvatarUpload.Matches(context.Request)
            ? Math.Max(limits.MaxRequestBodyBytes, limits.MaxAvatarBytes + AvatarUpload.FormOverheadBytes)
            : limits.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
                $"The request body is larger than the {limit / 1024} KiB this server accepts.");
            return;
        }
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        await next(context);
    }
}
