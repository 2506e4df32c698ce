using Microsoft.Playwright;

namespace Kith.BrowserTests.Infrastructure;

/// <summary>One browser context (its own cookies) with one page, watched for CSP reports and script errors.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page => page;

    public BrowserProblems Problems { get; } = BrowserProblems.Watch(page);

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
