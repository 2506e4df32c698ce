using Kith.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped;

[Authorize(Policy = VaultPolicy.Manage)]
public sealed class EditModel(AppDbContext db, VaultScope scope, ManageVaults vaults) : PageModel
{
    [BindProperty]
    public VaultInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var vault = await db.Vaults.Current(scope).AsNoTracking().SingleOrDefaultAsync(ct);
        if (vault is null) return NotFound();
        Input = new VaultInput { Name = vault.Name, Description = vault.Description };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (!await vaults.DescribeAsync(scope, Input, ct)) return NotFound();
        StatusMessage = "The vault was saved.";
        return RedirectToPage("/Vaults/Scoped/Details", new { vaultId = scope.VaultId });
    }
}
