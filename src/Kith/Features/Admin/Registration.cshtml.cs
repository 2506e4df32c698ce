using System.ComponentModel.DataAnnotations;
using Kith.Features.Account;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Admin;

public sealed record RegistrationInput
{
    public const int MaxLength = 32;

    /// <summary>A <see cref="RegistrationMode"/> name, or <see cref="RegistrationModel.ConfigurationDefault"/>.</summary>
    [Required(ErrorMessage = "Choose who may create an account."), StringLength(MaxLength)]
    public string Mode { get; set; } = "";
}

[Kith.Features.Account.Sessions.RequireRecentAuthentication]
public sealed class RegistrationModel(RegistrationPolicy policy, ChangeRegistrationMode change, UserManager<User> users) : PageModel
{
    public const string ConfigurationDefault = "Default";

    public static readonly IReadOnlyList<(string Value, string Title, string Description)> Choices =
    [
        (nameof(RegistrationMode.FirstAccountOnly), "First account only", "Only the very first visitor could register; the first account exists, so nobody else can."),
        (nameof(RegistrationMode.InviteOnly), "By invitation only", "Nobody can sign up alone; people join when an account administrator invites them."),
        (nameof(RegistrationMode.Open), "Open", "Anyone who can reach this address can create an account."),
        (nameof(RegistrationMode.Closed), "Closed", "Nobody can sign up. Operators can still create users with `kith users create`."),
    ];

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public RegistrationSetting Setting { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Setting = await policy.CurrentAsync(ct);
        Input.Mode = Setting.IsOverridden ? Setting.Mode.ToString() : ConfigurationDefault;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var known = Input.Mode == ConfigurationDefault || Choices.Any(c => c.Value == Input.Mode);
        if (ModelState.IsValid && !known) ModelState.AddModelError("Input.Mode", "Choose one of the listed modes.");
        if (!ModelState.IsValid)
        {
            Setting = await policy.CurrentAsync(ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var administrator = await users.GetUserAsync(User);
        if (administrator is null) return NotFound();
        RegistrationMode? mode = Input.Mode == ConfigurationDefault ? null : Enum.Parse<RegistrationMode>(Input.Mode);
        if (!await change.ChangeAsync(administrator, mode, ct)) return NotFound();
        var now = await policy.CurrentAsync(ct);
        StatusMessage = $"Registration is now {Title(now.Mode)}{(now.IsOverridden ? "" : " (the configuration default)")}.";
        return RedirectToPage();
    }

    public static string Title(RegistrationMode mode) => Choices.Single(c => c.Value == mode.ToString()).Title;
}
