using System.Security.Cryptography;
using Kith.BrowserTests.Infrastructure;
using Kith.Infrastructure.Cli;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests.StoredXss;

/// <summary>
/// Stored XSS (Monica's names, relationship names, template injection): payloads in every stored text render as inert
/// text on every page that shows them, in real Chromium — with the strict CSP, and again without it, so it is the
/// encoding that stops them, not only the policy.
/// </summary>
public abstract class StoredXssTests(Chromium chromium, KithServer kith) : IDisposable
{
    // What a payload that escaped encoding would leave in the DOM.
    private const string InjectedElements =
        "() => document.querySelectorAll('.xss-inj, img[src=\"x\"], svg[onload], [onerror], [onload], script:not([src]), a[href^=\"javascript:\" i]').length";

    protected abstract bool CspExpected { get; }

    [Fact]
    public async Task Payloads_in_every_stored_text_render_as_inert_text_on_every_page()
    {
        var email = $"xss-{Guid.NewGuid():N}@example.org";
        var password = $"velvet tractor {RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000)} lantern";
        using (var stdout = new StringWriter())
            Assert.Equal(0, await KithCli.RunAsync(kith.Services, ["users", "create", "--email", email, "--name", "Xavier Ss"], new StringReader(password + "\n"), stdout));
        var world = await XssWorld.CreateAsync(kith.Services, email);
        await using var browser = await chromium.OpenAsync(kith);
        var page = browser.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        var response = await page.GotoAsync($"/vaults/{world.VaultId}");
        Assert.Equal(CspExpected, (await response!.AllHeadersAsync()).ContainsKey("content-security-policy"));
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(XssWorld.Marker);

        var v = world.VaultId;
        var c = world.ContactId;
        string[] pages =
        [
            $"/vaults/{v}",
            $"/vaults/{v}/contacts",
            $"/vaults/{v}/contacts/{c}",
            $"/vaults/{v}/contacts/{c}?tab=Connections",
            $"/vaults/{v}/contacts/{c}?tab=Activity",
            $"/vaults/{v}/contacts/{world.FriendId}?tab=Connections",
            $"/vaults/{v}/contacts/{c}/edit",
            $"/vaults/{v}/contacts/{c}/relationships",
            $"/vaults/{v}/contacts/{c}/groups",
            $"/vaults/{v}/contacts/{c}/dates",
            $"/vaults/{v}/contacts/{c}/contact-information",
            $"/vaults/{v}/contacts/{c}/pets",
            $"/vaults/{v}/contacts/{c}/avatar",
            $"/vaults/{v}/contacts/search?q={XssWorld.Marker}",
            $"/vaults/{v}/groups",
            $"/vaults/{v}/groups/{world.GroupId}",
            $"/vaults/{v}/groups/{world.GroupId}/edit",
            $"/vaults/{v}/companies",
            $"/vaults/{v}/companies/{world.CompanyId}",
            $"/vaults/{v}/activity",
            $"/vaults/{v}/settings",
            "/settings/personalization/genders",
            "/settings/personalization/relationship-types",
            "/settings/personalization/contact-information-types",
            "/settings/personalization/address-types",
            "/settings/personalization/pet-categories",
            "/vaults",
        ];
        var failures = new List<string>();
        foreach (var path in pages)
        {
            var visit = await page.GotoAsync(path);
            if (visit is null || !visit.Ok)
            {
                failures.Add($"{path}: {visit?.Status}");
                continue;
            }
            await CheckAsync(page, path, failures);
        }

        // The as-you-type search and the contact picker build their lists in script: names must go in as text there too.
        await page.GotoAsync($"/vaults/{v}/contacts");
        await page.Locator("form[data-contact-search] input[name=q]").FillAsync(XssWorld.Marker);
        await Expect(page.Locator(".contact-search-results a").First).ToBeVisibleAsync();
        await CheckAsync(page, "search suggestions", failures);
        await page.GotoAsync($"/vaults/{v}/contacts/{c}/edit");
        await page.Locator("[data-picker-query]").First.FillAsync(XssWorld.Marker);
        await Expect(page.Locator("[data-picker-suggestions] li").First).ToBeVisibleAsync();
        await CheckAsync(page, "contact picker", failures);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(dialogs);
        Assert.Empty(browser.Problems.PageErrors);
        Assert.Empty(browser.Problems.CspMessages);
        Assert.Equal(0, kith.CspViolationCount);
        Assert.Empty(kith.Log.Errors);
    }

    private static async Task CheckAsync(IPage page, string where, List<string> failures)
    {
        var injected = await page.EvaluateAsync<int>(InjectedElements);
        if (injected > 0) failures.Add($"{where}: {injected} injected element(s)");
        if (await page.EvaluateAsync<bool>($"() => typeof window.{XssWorld.Flag} !== 'undefined'"))
            failures.Add($"{where}: a payload ran");
        // Inert means shown as written: the payload's own text is on the page, braces and angle brackets included.
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        if (!text.Contains(XssWorld.Marker, StringComparison.Ordinal)) failures.Add($"{where}: no payload shown at all");
        else if (!text.Contains("<img src=x onerror=", StringComparison.Ordinal) && !text.Contains("<script>", StringComparison.Ordinal)
            && !text.Contains("{{7*7}}", StringComparison.Ordinal))
            failures.Add($"{where}: payloads shown, but not as the text that was stored");
    }

    public void Dispose()
    {
        kith.Log.WriteTo(TestContext.Current.TestOutputHelper);
        GC.SuppressFinalize(this);
    }
}

public sealed class StoredXssWithCspTests(Chromium chromium, KithServer kith)
    : StoredXssTests(chromium, kith), IClassFixture<KithServer>
{
    protected override bool CspExpected => true;
}

public sealed class StoredXssWithoutCspTests(Chromium chromium, CspOffKithServer kith)
    : StoredXssTests(chromium, kith), IClassFixture<CspOffKithServer>
{
    protected override bool CspExpected => false;
}
