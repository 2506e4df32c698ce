using System.Globalization;

namespace Kith.Infrastructure.Web;

/// <summary>
/// Pages may show private data, so no browser or proxy keeps them. Static assets (served before the
/// response starts here) set their own caching and are left alone; an endpoint serving a private file
/// that is safe to keep in the user's own browser opts in with <see cref="AllowPrivateCaching"/>.
/// </summary>
public sealed class NoStoreForDynamicResponses(RequestDelegate next)
{
    private const string PrivateMaxAge = "Kith.PrivateCacheMaxAge";

    /// <summary>Lets the browser (never a shared cache) keep this response for <paramref name="maxAge"/>.</summary>
    public static void AllowPrivateCaching(HttpContext context, TimeSpan maxAge) => context.Items[PrivateMaxAge] = maxAge;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var isStatic = context.GetEndpoint() is null && context.Response.Headers.ContainsKey("ETag");
            if (context.Items[PrivateMaxAge] is TimeSpan maxAge && context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
            {
                context.Response.Headers.CacheControl = "private, max-age=" + ((long)maxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }
            else if (!isStatic)
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
