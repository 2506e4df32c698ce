using Kith.Data;
using Kith.Features.Account.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped;

[Authorize(Policy = VaultPolicy.Manage)]
public sealed class DeleteModel(AppDbContext db, VaultScope scope, ManageVaults vaults, RecentAuthentication recent) : PageModel
{
    public string Name { get; private set; } = "";
    public int OtherMembers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? confirmName, CancellationToken ct)
    {
        // Deleting what other people use needs the password proved within the last ten minutes.
        var othersUseIt = await db.VaultMembers.AnyAsync(m => m.VaultId == scope.VaultId && m.UserId != scope.UserId, ct);
        if (othersUseIt && !await recent.IsRecentAsync(HttpContext)) return RecentAuthentication.Challenge(Request.Path);
        if (await vaults.DeleteAsync(scope, confirmName ?? "", ct)) return RedirectToPage("/Vaults/Index");
        ModelState.AddModelError("", "Type the vault's exact name to delete it.");
        return await ShowAsync(ct, StatusCodes.Status422UnprocessableEntity);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var vault = await db.Vaults.Current(scope).AsNoTracking()
            .Select(v => new { v.Name, Others = v.Members.Count(m => m.UserId != scope.UserId) })
            .SingleOrDefaultAsync(ct);
        if (vault is null) return NotFound();
        (Name, OtherMembers) = (vault.Name, vault.Others);
        Response.StatusCode = status;
        return Page();
    }
}
