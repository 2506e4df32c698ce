using Kith.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// The positive control for the journey test's "no CSP violations" check (SECURITY.md §5): each kind of
/// violation, caused on a real Kith page, must be blocked and must show up both in the browser console and at
/// Kith's report endpoint. Its own server, so these violations never reach the journey test's counter.
/// </summary>
public sealed class CspViolationDetectorTests(Chromium chromium, KithServer kith) : IClassFixture<KithServer>, IDisposable
{
    // Each script returns true when the injection took effect, i.e. the policy failed to block it.
    private static readonly Dictionary<string, string> Injections = new()
    {
        ["an inline script"] = """
            () => {
                // A Trusted Types policy gets past require-trusted-types-for, so script-src is what must stop it.
                const policy = trustedTypes.createPolicy('csp-probe-script', { createScript: s => s });
                const script = document.createElement('script');
                script.text = policy.createScript('window.cspProbeRan = true;');
                document.body.appendChild(script);
                return window.cspProbeRan === true;
            }
            """,
        ["an inline style attribute"] = """
            () => {
                const main = document.querySelector('main');
                main.setAttribute('style', 'outline: 7px solid rgb(255, 0, 0)');
                return getComputedStyle(main).outlineWidth === '7px';
            }
            """,
        ["markup assigned to innerHTML"] = """
            () => {
                const main = document.querySelector('main');
                try {
                    main.innerHTML = '<p id="csp-probe">injected</p>';
                } catch (e) {
                    return false;
                }
                return document.getElementById('csp-probe') !== null;
            }
            """,
    };

    [Theory]
    [InlineData("an inline script")]
    [InlineData("an inline style attribute")]
    [InlineData("markup assigned to innerHTML")]
    public async Task The_violation_detector_catches(string violation)
    {
        await using var browser = await chromium.OpenAsync(kith);
        await browser.Page.GotoAsync("/account/login");
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Empty(browser.Problems.CspMessages);
        var reportsBefore = kith.CspViolationCount;

        var tookEffect = await browser.Page.EvaluateAsync<bool>(Injections[violation]);

        Assert.False(tookEffect, $"The page accepted {violation}: the Content-Security-Policy did not block it.");
        await Poll.UntilAsync(() => browser.Problems.CspMessages.Count > 0, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => kith.CspViolationCount > reportsBefore, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
    }

    public void Dispose() => kith.Log.WriteTo(TestContext.Current.TestOutputHelper);
}
