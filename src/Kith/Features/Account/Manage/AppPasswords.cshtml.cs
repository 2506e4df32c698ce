using System.ComponentModel.DataAnnotations;
using Kith.Features.Account.AppPasswords;
using Kith.Features.Account.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account.Manage;

public sealed record AppPasswordInput
{
    [Required(ErrorMessage = "Enter a name, such as the app and device that will use it."), StringLength(AppPasswordLengths.Name),
     RegularExpression(Data.FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line of text."), Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required, EnumDataType(typeof(AppPasswordScope)), Display(Name = "What it may sync")]
    public AppPasswordScope? Scope { get; set; }
}

/// <summary>App passwords let sync clients in without the account password; creating or revoking one needs sudo mode.</summary>
[RequireRecentAuthentication]
public sealed class AppPasswordsModel(UserManager<User> users, AppPasswordStore store) : PageModel
{
    [BindProperty]
    public AppPasswordInput Input { get; set; } = new();

    [BindProperty]
    public Guid RevokeId { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Shown in the response that creates it and never again.</summary>
    public string? NewSecret { get; private set; }

    public IReadOnlyList<AppPasswordRow> AppPasswords { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        AppPasswords = await store.ListAsync(user.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Remove(nameof(RevokeId));
        if (!ModelState.IsValid || Input.Scope is not { } scope) return await InvalidAsync(user, ct);
        var secret = await store.CreateAsync(user, Input.Name.Trim(), scope, ct);
        if (secret is null)
        {
            ModelState.AddModelError("", $"You have {AppPasswordStore.MaxPerUser} app passwords already. Revoke one you no longer use first.");
            return await InvalidAsync(user, ct);
        }
        NewSecret = secret;
        Input = new();
        AppPasswords = await store.ListAsync(user.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var name = await store.RevokeAsync(user, RevokeId, ct);
        if (name is null) return NotFound();
        StatusMessage = $"App password “{name}” revoked. Apps using it can no longer sync.";
        return RedirectToPage();
    }

    private async Task<PageResult> InvalidAsync(User user, CancellationToken ct)
    {
        AppPasswords = await store.ListAsync(user.Id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
