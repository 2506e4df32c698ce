using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.Passkeys;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Kith.Features.Account.Manage;

public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>Adding, renaming and removing passkeys all change how the account can be entered: each needs sudo mode.</summary>
[RequireRecentAuthentication]
public sealed class PasskeysModel(UserManager<User> users, PasskeyCeremonies ceremonies, SecurityLogWriter securityLog) : PageModel
{
    public const string DefaultName = "Passkey";

    [BindProperty, StringLength(FieldLengths.PasskeyName), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line of text.")]
    public string? Name { get; set; }

    [BindProperty, StringLength(FieldLengths.PasskeyHandle)]
    public string? Handle { get; set; }

    [BindProperty, StringLength(FieldLengths.PasskeyCredentialJson)]
    public string? Credential { get; set; }

    [BindProperty, StringLength(FieldLengths.PasskeyHandle)]
    public string? PasskeyId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostOptionsAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return (await ceremonies.BeginRegistrationAsync(user, ct)).ToResult();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return await InvalidAsync(user);
        var name = string.IsNullOrWhiteSpace(Name) ? DefaultName : Name.Trim();
        var passkey = await ceremonies.CompleteRegistrationAsync(user, Handle ?? "", Credential ?? "", name, ct);
        if (passkey is null)
        {
            ModelState.AddModelError("", "The passkey could not be added. Try again, and keep this page open until your device is done.");
            return await InvalidAsync(user);
        }
        await securityLog.WriteAsync(SecurityEventTypes.PasskeyAdded, user, name, ct);
        StatusMessage = $"Passkey “{name}” added. You can now sign in with it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var passkey = await FindAsync(user);
        if (passkey is null) return NotFound();
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter a name for the passkey.");
            return await InvalidAsync(user);
        }
        passkey.Name = Name.Trim();
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        await securityLog.WriteAsync(SecurityEventTypes.PasskeyRenamed, user, passkey.Name, ct);
        StatusMessage = $"Passkey renamed to “{passkey.Name}”.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var passkey = await FindAsync(user);
        if (passkey is null) return NotFound();
        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await securityLog.WriteAsync(SecurityEventTypes.PasskeyRemoved, user, passkey.Name, ct);
        StatusMessage = $"Passkey “{passkey.Name}” removed. It can no longer sign in to Kith.";
        return RedirectToPage();
    }

    /// <summary>Looked up among the caller's own passkeys only: another user's credential id is simply not found.</summary>
    private async Task<UserPasskeyInfo?> FindAsync(User user)
    {
        if (string.IsNullOrEmpty(PasskeyId)) return null;
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(PasskeyId);
        }
        catch (FormatException)
        {
            return null;
        }
        return await users.GetPasskeyAsync(user, credentialId);
    }

    private async Task LoadAsync(User user) =>
        Passkeys = [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? DefaultName, p.CreatedAt))];

    private async Task<PageResult> InvalidAsync(User user)
    {
        await LoadAsync(user);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
