using System.Security.Cryptography;
using Kith.BrowserTests.Infrastructure;
using Kith.Data;
using Kith.Features.Contacts;
using Kith.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Kith.BrowserTests;

/// <summary>
/// A contact's photo in a real browser: the initials first, then an uploaded photo that the page's strict CSP,
/// COEP and CORP still let the browser load from the authorized image address, then the initials again.
/// </summary>
public sealed class AvatarJourneyTests(Chromium chromium, KithServer kith) : IClassFixture<KithServer>, IDisposable
{
    [Fact]
    public async Task A_photo_is_uploaded_shown_and_removed_without_any_csp_violation()
    {
        var email = $"ava-{Guid.NewGuid():N}@example.org";
        var password = $"velvet tractor {RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000)} lantern";
        using (var stdout = new StringWriter())
            Assert.Equal(0, await KithCli.RunAsync(kith.Services, ["users", "create", "--email", email, "--name", "Ava Tar"], new StringReader(password + "\n"), stdout));
        var (vaultId, contactId) = await ContactAsync(email);
        await using var browser = await chromium.OpenAsync(kith);
        var page = browser.Page;

        await page.GotoAsync($"/vaults/{vaultId}/contacts/{contactId}/avatar");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Photo of Jane Doe");
        await Expect(page.Locator("span.avatar")).ToHaveTextAsync("JD");

        await page.GetByLabel("New photo").SetInputFilesAsync(new FilePayload { Name = "jane.png", MimeType = "image/png", Buffer = Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The photo was saved.");
        var photo = page.Locator("img.avatar");
        await Expect(photo).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('img.avatar'); return img && img.complete && img.naturalWidth > 0; }");
        await Screenshots.TakeAsync(page, "avatar-uploaded");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the photo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The photo was removed.");
        await Expect(page.Locator("span.avatar")).ToHaveTextAsync("JD");

        Assert.Empty(browser.Problems.CspMessages);
        Assert.Empty(browser.Problems.PageErrors);
        Assert.Empty(browser.Problems.BrokenResources);
        Assert.Equal(0, kith.CspViolationCount);
        Assert.Empty(kith.Log.Errors);
    }

    public void Dispose() => kith.Log.WriteTo(TestContext.Current.TestOutputHelper);

    private async Task<(Guid VaultId, Guid ContactId)> ContactAsync(string email)
    {
        await using var scope = kith.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized, TestContext.Current.CancellationToken);
        var vaultId = await db.Vaults.Where(v => v.AccountId == user.AccountId).Select(v => v.Id).FirstAsync(TestContext.Current.CancellationToken);
        var contact = Contact.Create(vaultId, "Jane", user.Id, DateTime.UnixEpoch);
        contact.LastName = "Doe";
        contact.Touch(DateTime.UnixEpoch);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (vaultId, contact.Id);
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
            canvas.Clear(SKColors.Teal);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
