using System.Security.Cryptography;
using Kith.BrowserTests.Infrastructure;
using Kith.Features.Account.TwoFactor;
using Kith.Infrastructure.Cli;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// A person turns on an authenticator app (the QR code is inline SVG under the strict CSP), keeps the recovery
/// codes, signs out and signs in again with a code. The test is the authenticator: it computes codes from the key shown.
/// </summary>
public sealed class TwoFactorJourneyTests(Chromium chromium, KithServer kith) : IClassFixture<KithServer>, IDisposable
{
    [Fact]
    public async Task A_person_enrols_an_authenticator_app_and_signs_in_with_a_code_without_csp_violations()
    {
        var email = $"tia-{Guid.NewGuid():N}@example.org";
        var password = $"velvet tractor {RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000)} lantern";
        using (var stdout = new StringWriter())
            Assert.Equal(0, await KithCli.RunAsync(kith.Services, ["users", "create", "--email", email, "--name", "Tia Totp"], new StringReader(password + "\n"), stdout));
        await using var browser = await chromium.OpenAsync(kith);
        var page = browser.Page;
        Assert.Equal(200, (await page.APIRequest.GetAsync("/favicon.ico", new() { MaxRedirects = 0 })).Status);

        await SignInAsync(page, email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Tia Totp");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Two-factor" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        var seed = Base32.Decode(await page.Locator("#manual-key").InnerTextAsync());
        var step = Totp.StepAt(TimeProvider.System.GetUtcNow());
        await page.GetByLabel("Code shown by the app").FillAsync(Totp.Code(seed, step));
        await Screenshots.TakeAsync(page, "two-factor-enrol");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(RecoveryCodes.Count);
        await Expect(page.GetByText("You have 10 recovery codes left")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out");
        await SignInAsync(page, email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Confirm it is you");
        // The enrolment used this step; the next one is inside the window and has not been used.
        await page.GetByLabel("Code from your authenticator app, or a recovery code").FillAsync(Totp.Code(seed, step + 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Tia Totp");

        Assert.Empty(browser.Problems.CspMessages);
        Assert.Empty(browser.Problems.PageErrors);
        Assert.Empty(browser.Problems.BrokenResources);
        Assert.Equal(0, kith.CspViolationCount);
        Assert.Empty(kith.Log.Errors);
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public void Dispose() => kith.Log.WriteTo(TestContext.Current.TestOutputHelper);
}
