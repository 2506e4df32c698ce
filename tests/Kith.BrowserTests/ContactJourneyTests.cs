using System.Security.Cryptography;
using Kith.BrowserTests.Infrastructure;
using Kith.Data;
using Kith.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// Managing a contact in a real browser: a form with a mistake keeps what was typed, the contact page shows what was
/// saved, a birthday shows the age, and search finds the contact as you type — under the strict CSP, with no violation.
/// </summary>
public sealed class ContactJourneyTests(Chromium chromium, KithServer kith) : IClassFixture<KithServer>, IDisposable
{
    [Fact]
    public async Task A_contact_is_created_after_a_mistake_given_a_birthday_and_found_by_typing()
    {
        var email = $"grace-{Guid.NewGuid():N}@example.org";
        var password = $"velvet tractor {RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000)} lantern";
        using (var stdout = new StringWriter())
            Assert.Equal(0, await KithCli.RunAsync(kith.Services, ["users", "create", "--email", email, "--name", "Ada Admiral"], new StringReader(password + "\n"), stdout));
        var vaultId = await VaultOfAsync(email);
        await using var browser = await chromium.OpenAsync(kith);
        var page = browser.Page;

        await page.GotoAsync($"/vaults/{vaultId}/contacts");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New contact" }).ClickAsync();

        await page.GetByLabel("First name").FillAsync("Grace");
        await page.GetByLabel("Last name").FillAsync("Hopper");
        await page.GetByLabel("Nickname").FillAsync("Amazing Grace");
        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Expect(page.Locator(".field-error").Filter(new() { HasTextString = "does not exist" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("First name")).ToHaveValueAsync("Grace");
        await Expect(page.GetByLabel("Nickname")).ToHaveValueAsync("Amazing Grace");

        await page.GetByLabel("Month").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Grace Hopper");
        await Screenshots.TakeAsync(page, "contact-created");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit important dates" }).ClickAsync();
        await page.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Birthday" });
        await page.GetByLabel("Day").FillAsync("9");
        await page.GetByLabel("Month").FillAsync("12");
        await page.GetByLabel("Year").FillAsync("1906");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await page.GotoAsync($"/vaults/{vaultId}/contacts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Grace Hopper" }).First.ClickAsync();
        await Expect(page.Locator("#important-dates-title + *, section:has(#important-dates-title)").First).ToContainTextAsync("1906");

        await page.GotoAsync($"/vaults/{vaultId}/contacts");
        await page.GetByLabel("Search").FillAsync("amaz");
        var suggestion = page.Locator(".contact-search-results a", new() { HasTextString = "Grace Hopper" });
        await Expect(suggestion).ToBeVisibleAsync();
        await suggestion.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Grace Hopper");

        Assert.Empty(browser.Problems.CspMessages);
        Assert.Empty(browser.Problems.PageErrors);
        Assert.Empty(browser.Problems.BrokenResources);
        Assert.Equal(0, kith.CspViolationCount);
        Assert.Empty(kith.Log.Errors);
    }

    public void Dispose() => kith.Log.WriteTo(TestContext.Current.TestOutputHelper);

    private async Task<Guid> VaultOfAsync(string email)
    {
        await using var scope = kith.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var normalized = email.ToUpperInvariant();
        var accountId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.AccountId).SingleAsync(TestContext.Current.CancellationToken);
        return await db.Vaults.Where(v => v.AccountId == accountId).Select(v => v.Id).FirstAsync(TestContext.Current.CancellationToken);
    }
}
