using Kith.Data;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Settings.Personalization;

/// <summary>One list (or the roles of one group type): add, rename, reorder; deleting has its own page.</summary>
public sealed class ListModel(AppDbContext db, ManagePersonalization manage) : PageModel
{
    public PersonalizationKindInfo Kind { get; private set; } = PersonalizationKinds.All[0];
    public PersonalizationItem? Parent { get; private set; }
    public IReadOnlyList<PersonalizationItem> Items { get; private set; } = [];

    [BindProperty]
    public PersonalizationInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public Task<IActionResult> OnGetAsync(string kind, Guid? parentId, CancellationToken ct) => ShowAsync(kind, parentId, StatusCodes.Status200OK, ct);

    public Task<IActionResult> OnPostAddAsync(string kind, Guid? parentId, CancellationToken ct) =>
        ApplyAsync(kind, parentId, (accountId, info) => manage.AddAsync(accountId, info, parentId, Input, ct), "The entry was added.", ct);

    public Task<IActionResult> OnPostSaveAsync(string kind, Guid? parentId, Guid itemId, CancellationToken ct) =>
        ApplyAsync(kind, parentId, (accountId, _) => manage.UpdateAsync(accountId, itemId, Input, ct), "The entry was saved.", ct);

    public Task<IActionResult> OnPostMoveAsync(string kind, Guid? parentId, Guid itemId, string? direction, CancellationToken ct)
    {
        ModelState.Clear(); // moving posts no name
        return ApplyAsync(kind, parentId, (accountId, _) => manage.MoveAsync(accountId, itemId, direction == "up", ct), "The order was changed.", ct);
    }

    private async Task<IActionResult> ApplyAsync(string kind, Guid? parentId, Func<Guid, PersonalizationKindInfo, Task<ListChange>> change, string success, CancellationToken ct)
    {
        var info = PersonalizationKinds.BySlug(kind);
        if (info is null || await db.AccountIdAsync(User, ct) is not { } accountId) return NotFound();
        if (!ModelState.IsValid) return await ShowAsync(kind, parentId, StatusCodes.Status422UnprocessableEntity, ct);
        if (await change(accountId, info) != ListChange.Done) return NotFound();
        StatusMessage = success;
        return RedirectToPage(new { kind, parentId });
    }

    private async Task<IActionResult> ShowAsync(string kind, Guid? parentId, int status, CancellationToken ct)
    {
        var info = PersonalizationKinds.BySlug(kind);
        if (info is null || info.IsRole != parentId.HasValue || await db.AccountIdAsync(User, ct) is not { } accountId) return NotFound();
        Kind = info;
        if (parentId is { } parent)
        {
            Parent = await manage.Items(accountId).AsNoTracking().SingleOrDefaultAsync(i => i.Id == parent && i.Kind == PersonalizationKind.GroupType, ct);
            if (Parent is null) return NotFound();
        }
        Items = await manage.Items(accountId).AsNoTracking().Where(i => i.Kind == info.Kind && i.ParentId == parentId)
            .OrderBy(i => i.Position).ThenBy(i => i.Name).ToListAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
