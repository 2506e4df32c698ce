using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped;

/// <summary>Deletes a custom important-date type; its dates move to another type of the vault first.</summary>
[Authorize(Policy = VaultPolicy.Manage)]
public sealed class DeleteDateTypeModel(AppDbContext db, VaultScope scope, ManageVaultLists lists) : PageModel
{
    public ImportantDateType Type { get; private set; } = null!;
    public int Uses { get; private set; }
    public IReadOnlyList<ImportantDateType> Choices { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid typeId, CancellationToken ct) => ShowAsync(typeId, StatusCodes.Status200OK, ct);

    public async Task<IActionResult> OnPostAsync(Guid typeId, string? replacement, CancellationToken ct)
    {
        Guid? replacementId = string.IsNullOrEmpty(replacement) ? null : Guid.TryParse(replacement, out var id) ? id : Guid.Empty;
        switch (await lists.DeleteDateTypeAsync(typeId, replacementId, ct))
        {
            case ListChange.Done:
                TempData["StatusMessage"] = "The date type was deleted.";
                return RedirectToPage("/Vaults/Scoped/Settings", new { vaultId = scope.VaultId });
            case ListChange.ReplacementRequired:
                ModelState.AddModelError("", "Dates use this type: choose which type they get instead.");
                break;
            case ListChange.BadReplacement:
                ModelState.AddModelError("", "Choose one of the other date types of this vault.");
                break;
            default:
                return NotFound();
        }
        return await ShowAsync(typeId, StatusCodes.Status422UnprocessableEntity, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid typeId, int status, CancellationToken ct)
    {
        var type = await lists.DateTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId && t.Kind == ImportantDateKind.Custom, ct);
        if (type is null) return NotFound();
        Type = type;
        Uses = await db.ImportantDates.CountAsync(d => d.TypeId == typeId, ct);
        Choices = await lists.DateTypes.AsNoTracking().Where(t => t.Id != typeId).OrderBy(t => t.Position).ThenBy(t => t.Name).ToListAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
