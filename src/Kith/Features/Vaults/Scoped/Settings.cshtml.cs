using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped;

/// <summary>The vault's own lists: labels, important-date types and quick-fact templates.</summary>
[Authorize(Policy = VaultPolicy.Manage)]
public sealed class SettingsModel(VaultScope scope, ManageVaultLists lists) : PageModel
{
    public IReadOnlyList<Label> Labels { get; private set; } = [];
    public IReadOnlyList<ImportantDateType> DateTypes { get; private set; } = [];
    public IReadOnlyList<QuickFactTemplate> Templates { get; private set; } = [];

    [BindProperty]
    public VaultListInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(StatusCodes.Status200OK, ct);

    public Task<IActionResult> OnPostAddLabelAsync(CancellationToken ct) => ApplyAsync(() => lists.AddLabelAsync(Input, ct), "The label was added.", ct);

    public Task<IActionResult> OnPostSaveLabelAsync(Guid labelId, CancellationToken ct) => ApplyAsync(() => lists.UpdateLabelAsync(labelId, Input, ct), "The label was saved.", ct);

    public Task<IActionResult> OnPostDeleteLabelAsync(Guid labelId, CancellationToken ct) =>
        ApplyWithoutInputAsync(() => lists.DeleteLabelAsync(labelId, ct), "The label was deleted.", ct);

    public Task<IActionResult> OnPostAddDateTypeAsync(CancellationToken ct) => ApplyAsync(() => lists.AddDateTypeAsync(Input, ct), "The date type was added.", ct);

    public Task<IActionResult> OnPostSaveDateTypeAsync(Guid typeId, CancellationToken ct) => ApplyAsync(() => lists.RenameDateTypeAsync(typeId, Input, ct), "The date type was saved.", ct);

    public Task<IActionResult> OnPostAddTemplateAsync(CancellationToken ct) => ApplyAsync(() => lists.AddTemplateAsync(Input, ct), "The quick fact was added.", ct);

    public Task<IActionResult> OnPostSaveTemplateAsync(Guid templateId, CancellationToken ct) =>
        ApplyAsync(() => lists.RenameTemplateAsync(templateId, Input, ct), "The quick fact was saved.", ct);

    public Task<IActionResult> OnPostMoveTemplateAsync(Guid templateId, string? direction, CancellationToken ct) =>
        ApplyWithoutInputAsync(() => lists.MoveTemplateAsync(templateId, direction == "up", ct), "The order was changed.", ct);

    public Task<IActionResult> OnPostDeleteTemplateAsync(Guid templateId, CancellationToken ct) =>
        ApplyWithoutInputAsync(() => lists.DeleteTemplateAsync(templateId, ct), "The quick fact and its answers were deleted.", ct);

    private Task<IActionResult> ApplyWithoutInputAsync(Func<Task<ListChange>> change, string success, CancellationToken ct)
    {
        ModelState.Clear();
        return ApplyAsync(change, success, ct);
    }

    private async Task<IActionResult> ApplyAsync(Func<Task<ListChange>> change, string success, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ShowAsync(StatusCodes.Status422UnprocessableEntity, ct);
        switch (await change())
        {
            case ListChange.Done:
                StatusMessage = success;
                return RedirectToPage(new { vaultId = scope.VaultId });
            case ListChange.BadReplacement:
                ModelState.AddModelError("", "Choose one of the listed colours.");
                return await ShowAsync(StatusCodes.Status422UnprocessableEntity, ct);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(int status, CancellationToken ct)
    {
        Labels = await lists.Labels.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);
        DateTypes = await lists.DateTypes.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Name).ToListAsync(ct);
        Templates = await lists.Templates.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Name).ToListAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
