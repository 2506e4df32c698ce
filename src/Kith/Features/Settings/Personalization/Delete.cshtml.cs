using Kith.Data;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Settings.Personalization;

/// <summary>Deletes an entry; when it is in use, asks which other entry (or, for optional references, nothing) takes its place.</summary>
public sealed class DeleteModel(AppDbContext db, ManagePersonalization manage) : PageModel
{
    public const string Nothing = "nothing";

    public PersonalizationItem Item { get; private set; } = null!;
    public PersonalizationKindInfo Kind { get; private set; } = PersonalizationKinds.All[0];
    public int Uses { get; private set; }
    public IReadOnlyList<PersonalizationItem> Choices { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid itemId, CancellationToken ct) => ShowAsync(itemId, StatusCodes.Status200OK, ct);

    public async Task<IActionResult> OnPostAsync(Guid itemId, string? replacement, CancellationToken ct)
    {
        if (await db.AccountIdAsync(User, ct) is not { } accountId) return NotFound();
        Replacement? chosen = replacement switch
        {
            null or "" => null,
            Nothing => new Replacement(null),
            _ when Guid.TryParse(replacement, out var id) => new Replacement(id),
            _ => new Replacement(Guid.Empty),
        };
        var item = await manage.Items(accountId).AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return NotFound();
        switch (await manage.DeleteAsync(accountId, itemId, chosen, ct))
        {
            case ListChange.Done:
                TempData["StatusMessage"] = $"“{item.Name}” was deleted.";
                return RedirectToPage("/Settings/Personalization/List", item.ParentId is { } parent
                    ? new { kind = PersonalizationKinds.Of(item.Kind).Slug, parentId = parent }
                    : new { kind = PersonalizationKinds.Of(item.Kind).Slug });
            case ListChange.ReplacementRequired:
                ModelState.AddModelError("", "This entry is in use: choose what replaces it.");
                break;
            case ListChange.BadReplacement:
                ModelState.AddModelError("", "Choose one of the other entries of this list.");
                break;
            default:
                return NotFound();
        }
        return await ShowAsync(itemId, StatusCodes.Status422UnprocessableEntity, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid itemId, int status, CancellationToken ct)
    {
        if (await db.AccountIdAsync(User, ct) is not { } accountId) return NotFound();
        var item = await manage.Items(accountId).AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return NotFound();
        Item = item;
        Kind = PersonalizationKinds.Of(item.Kind);
        Uses = await manage.UsesAsync(item, ct);
        Choices = await manage.Items(accountId).AsNoTracking()
            .Where(i => i.Kind == item.Kind && i.ParentId == item.ParentId && i.Id != item.Id)
            .OrderBy(i => i.Position).ThenBy(i => i.Name).ToListAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
