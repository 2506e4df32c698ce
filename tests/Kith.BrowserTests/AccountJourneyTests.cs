using System.Text.RegularExpressions;
using Kith.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

public sealed class AccountJourneyTests(Chromium chromium, KithServer kith) : IClassFixture<KithServer>, IDisposable
{
    [Fact]
    public Task A_person_registers_confirms_signs_in_and_signs_out_without_csp_violations() => AccountJourney.RunAsync(chromium, kith);

    public void Dispose() => kith.Log.WriteTo(TestContext.Current.TestOutputHelper);
}

public sealed class LocalHttpAccountJourneyTests(Chromium chromium, LocalHttpKithServer kith) : IClassFixture<LocalHttpKithServer>, IDisposable
{
    [Fact]
    public Task Over_plain_http_on_localhost_the_same_journey_works() => AccountJourney.RunAsync(chromium, kith);

    public void Dispose() => kith.Log.WriteTo(TestContext.Current.TestOutputHelper);
}

internal static partial class AccountJourney
{
    public static async Task RunAsync(Chromium chromium, KithServer kith)
    {
        await using var browser = await chromium.OpenAsync(kith);
        var page = browser.Page;
        var email = $"ada-{Guid.NewGuid():N}@example.org";
        var password = $"correct horse battery staple {Guid.NewGuid().ToString("N")[..6]}";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();
        await page.GetByLabel("Your name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        var strength = page.Locator("#Input_Password-strength .strength-text");
        await Expect(strength).ToBeVisibleAsync();
        await Expect(strength).ToHaveTextAsync(NonEmpty());
        await page.GetByLabel("Repeat the password").FillAsync(password);
        await Screenshots.TakeAsync(page, "register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("we sent a confirmation link");

        var mail = await Mailbox.NewestToAsync(kith.MailDirectory, email, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await page.GotoAsync(Mailbox.LinkStartingWith(mail, kith.Url("/account/confirm-email?")).ToString());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your email address is confirmed");

        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Ada Lovelace");
        await Screenshots.TakeAsync(page, "home-signed-in");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out");

        await page.GotoAsync("/account/manage/password");
        await Expect(page).ToHaveURLAsync(LoginPageReturningTo("/account/manage/password"));

        Assert.Empty(browser.Problems.CspMessages);
        Assert.Empty(browser.Problems.PageErrors);
        Assert.Empty(browser.Problems.BrokenResources);
        Assert.Equal(0, kith.CspViolationCount);
        Assert.Empty(kith.Log.Errors);
    }

    private static Regex LoginPageReturningTo(string path) =>
        new("/account/login\\?returnUrl=" + Regex.Escape(Uri.EscapeDataString(path)) + "$", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"\S")]
    private static partial Regex NonEmpty();
}
