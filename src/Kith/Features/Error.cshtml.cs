using System.Diagnostics;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features;

/// <summary>
/// The one error page, for exceptions and status codes alike. It never shows exception details;
/// the correlation id ties a report to the server log. JSON clients get problem details.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "";
    public string CorrelationId { get; private set; } = "";

    public IActionResult OnGet(int? code) => Render(code);
    public IActionResult OnPost(int? code) => Render(code);

    private IActionResult Render(int? code)
    {
        CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = exception is null ? code ?? StatusCodes.Status500InternalServerError : StatusCodes.Status500InternalServerError;
        if (exception is BadHttpRequestException bad) status = bad.StatusCode;
        if (exception is AntiforgeryValidationException) status = StatusCodes.Status400BadRequest;
        if (status >= 500 && exception is not null) logger.LogError(exception, "Unhandled exception ({CorrelationId})", CorrelationId);
        (Title, Message) = status switch
        {
            400 => ("Bad request", "The request could not be understood. If you submitted a form, reload the page and try again."),
            404 => ("Page not found", "There is nothing here. The link may be wrong or the page may have moved."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            413 => ("Too large", "What you sent is larger than Kith accepts."),
            415 => ("Unsupported content", "Kith does not accept that kind of content here."),
            429 => ("Too many attempts", "Too many attempts from your network. Wait a minute and try again."),
            _ when status >= 500 => ("Something went wrong", "Kith hit an unexpected error. It has been logged; please try again."),
            _ => ("Request refused", "Kith could not complete this request."),
        };
        Response.StatusCode = status;
        if (WantsJson())
            return new ObjectResult(new ProblemDetails { Status = status, Title = Title, Detail = Message, Extensions = { ["traceId"] = CorrelationId } })
            {
                StatusCode = status,
                ContentTypes = { "application/problem+json" },
            };
        return Page();
    }

    private bool WantsJson()
    {
        var accept = Request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
