using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

public sealed record PickerSuggestion(Guid Id, string Name);

/// <summary>Suggestions for contact pickers as the user types: at most ten, found through the search index.</summary>
public sealed class PickerModel(AppDbContext db, VaultScope scope, ContactSearch search) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (q is { Length: > SearchLengths.Query }) return BadRequest();
        var userId = scope.UserId;
        var nameOrder = await db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).SingleAsync(ct);
        var hits = await search.FindAsync(scope, q, includeArchived: true, limit: 10, ct);
        return new JsonResult(hits.Select(h => new PickerSuggestion(h.Id, h.DisplayName(nameOrder))));
    }
}
