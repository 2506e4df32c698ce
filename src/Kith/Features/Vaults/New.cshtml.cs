using Kith.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Vaults;

public sealed class NewModel(ManageVaults vaults, UserManager<User> users) : PageModel
{
    [BindProperty]
    public VaultInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var vault = await vaults.CreateAsync(user, Input, ct);
        return RedirectToPage("/Vaults/Scoped/Details", new { vaultId = vault.Id });
    }
}
