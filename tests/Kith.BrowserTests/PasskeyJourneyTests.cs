using System.Security.Cryptography;
using System.Text.Json;
using Kith.BrowserTests.Infrastructure;
using Kith.Infrastructure.Cli;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// Passkeys in real Chromium with the DevTools virtual authenticator. WebAuthn needs a secure context and a domain as
/// relying party ID (an IP address is refused), so this runs on http://localhost, the one origin that is both.
/// </summary>
public sealed class PasskeyJourneyTests(Chromium chromium, LocalHttpKithServer kith) : IClassFixture<LocalHttpKithServer>, IDisposable
{
    private const string ManagePage = "/account/manage/passkeys";

    [Fact]
    public async Task A_passkey_is_added_signs_in_without_a_password_re_authenticates_and_once_removed_signs_in_no_more()
    {
        var (name, email, password) = await CreateUserAsync();
        await using var browser = await chromium.OpenAsync(kith);
        var page = browser.Page;
        await AddVirtualAuthenticatorAsync(page);

        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {name}");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Passkeys" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Passkey “Test laptop” added");
        await Screenshots.TakeAsync(page, "passkey-added");

        await SignOutAsync(page);
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {name}");

        await page.GotoAsync(ManagePage);
        await page.GetByLabel("New name for Test laptop").FillAsync("Phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Passkey renamed to “Phone”");

        await page.GotoAsync("/account/reauthenticate?returnUrl=" + Uri.EscapeDataString(ManagePage));
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(kith.Url(ManagePage).ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Phone" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Passkey “Phone” removed");
        await Expect(page.GetByText("You have no passkeys yet.")).ToBeVisibleAsync();

        // The authenticator still holds the credential; Kith no longer knows it.
        await SignOutAsync(page);
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("That passkey did not sign you in");
        await page.GotoAsync(ManagePage);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login\\?returnUrl="));

        Assert.Empty(browser.Problems.CspMessages);
        Assert.Empty(browser.Problems.PageErrors);
        Assert.Equal(0, kith.CspViolationCount);
        Assert.Empty(kith.Log.Errors);
    }

    public void Dispose() => kith.Log.WriteTo(TestContext.Current.TestOutputHelper);

    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        Assert.Equal(JsonValueKind.String, added?.GetProperty("authenticatorId").ValueKind);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out");
    }

    private async Task<(string Name, string Email, string Password)> CreateUserAsync()
    {
        var person = ("Pat Passkey", $"pat-{Guid.NewGuid():N}@example.org", $"velvet tractor {RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000)} lantern");
        using var stdout = new StringWriter();
        var exit = await KithCli.RunAsync(kith.Services, ["users", "create", "--email", person.Item2, "--name", person.Item1],
            new StringReader(person.Item3 + "\n"), stdout);
        Assert.True(exit == 0, stdout.ToString());
        return person;
    }
}
