namespace Kith.Infrastructure.Web;

/// <summary>
/// Pages may show private data, so no browser or proxy keeps them. Static assets (served before the
/// response starts here) set their own caching and are left alone.
/// </summary>
public sealed class NoStoreForDynamicResponses(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var isStatic = context.GetEndpoint() is null && context.Response.Headers.ContainsKey("ETag");
            if (!isStatic)
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
