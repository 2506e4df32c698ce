using Microsoft.Playwright;

namespace Kith.BrowserTests.Infrastructure;

/// <summary>Full-page screenshots for a human to look at, only when KITH_BROWSER_SHOTS names a folder.</summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("KITH_BROWSER_SHOTS");
        if (string.IsNullOrWhiteSpace(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
