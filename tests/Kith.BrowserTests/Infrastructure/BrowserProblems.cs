using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Kith.BrowserTests.Infrastructure;

/// <summary>
/// What a page reports about Content-Security-Policy and Trusted Types, its uncaught script errors, and
/// subresources (styles, scripts, fetches) that failed: a policy check is only meaningful if the real scripts ran.
/// </summary>
public sealed class BrowserProblems
{
    // Chromium 156 says "Executing inline script violates the following Content Security Policy directive…" and
    // "This document requires 'TrustedHTML' assignment. The action has been blocked." (no "Refused to" and no
    // "Trusted Type" in either); older versions said "Refused to execute inline script because…".
    private static readonly string[] CspMarkers =
        ["Content Security Policy", "Content-Security-Policy", "Trusted Type", "TrustedHTML", "TrustedScript", "Refused to"];

    private static readonly string[] CheckedResourceTypes = ["stylesheet", "script", "fetch", "xhr", "image", "font"];

    private readonly ConcurrentQueue<string> cspMessages = new();
    private readonly ConcurrentQueue<string> pageErrors = new();
    private readonly ConcurrentQueue<string> brokenResources = new();

    private BrowserProblems()
    {
    }

    public IReadOnlyCollection<string> CspMessages => cspMessages.ToArray();

    public IReadOnlyCollection<string> PageErrors => pageErrors.ToArray();

    public IReadOnlyCollection<string> BrokenResources => brokenResources.ToArray();

    public static BrowserProblems Watch(IPage page)
    {
        var problems = new BrowserProblems();
        page.Console += (_, message) => problems.Observe(message.Text);
        page.PageError += (_, error) =>
        {
            problems.pageErrors.Enqueue(error);
            problems.Observe(error);
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && CheckedResourceTypes.Contains(response.Request.ResourceType))
                problems.brokenResources.Enqueue($"{response.Status} {response.Url}");
        };
        page.RequestFailed += (_, request) =>
        {
            // ERR_ABORTED is a request cut short by the next navigation, not a broken resource.
            if (CheckedResourceTypes.Contains(request.ResourceType) && request.Failure != "net::ERR_ABORTED")
                problems.brokenResources.Enqueue($"{request.Failure} {request.Url}");
        };
        return problems;
    }

    private void Observe(string text)
    {
        if (CspMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase)))
            cspMessages.Enqueue(text);
    }
}
