using Kith.Data;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Settings.Personalization;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<(PersonalizationKindInfo Kind, int Count)> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.AccountIdAsync(User, ct) is not { } accountId) return Challenge();
        var counts = await db.PersonalizationItems.Where(i => i.AccountId == accountId)
            .GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Kinds = PersonalizationKinds.All.Where(k => !k.IsRole).Select(k => (k, counts.GetValueOrDefault(k.Kind))).ToList();
        return Page();
    }
}
