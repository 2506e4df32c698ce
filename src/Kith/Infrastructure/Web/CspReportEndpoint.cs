namespace Kith.Infrastructure.Web;

/// <summary>Receives CSP violation reports from browsers and logs them; counts them for tests and health.</summary>
public static class CspReportEndpoint
{
    private const int MaxReportBytes = 16 * 1024;

    public static void MapCspReports(this IEndpointRouteBuilder app) =>
        app.MapPost(SecurityHeadersSetup.CspReportPath, ReceiveAsync).DisableAntiforgery().AllowAnonymous();

    private static async Task<IResult> ReceiveAsync(HttpContext context, CspViolations violations, ILoggerFactory loggers)
    {
        var type = context.Request.ContentType ?? "";
        if (!(type.StartsWith("application/csp-report", StringComparison.OrdinalIgnoreCase)
              || type.StartsWith("application/reports+json", StringComparison.OrdinalIgnoreCase)
              || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)))
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        if (context.Request.ContentLength > MaxReportBytes)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Report too large");
        var buffer = new char[MaxReportBytes];
        using var reader = new StreamReader(context.Request.Body);
        var read = await reader.ReadBlockAsync(buffer, context.RequestAborted);
        violations.Record();
        // The report is browser-supplied text: logged as one structured property, clipped, never interpreted.
        loggers.CreateLogger("Kith.Csp").LogWarning("Content-Security-Policy violation reported: {CspReport}", new string(buffer, 0, Math.Min(read, 2000)));
        return Results.NoContent();
    }
}

public sealed class CspViolations
{
    private long count;
    public long Count => Interlocked.Read(ref count);
    public void Record() => Interlocked.Increment(ref count);
}
