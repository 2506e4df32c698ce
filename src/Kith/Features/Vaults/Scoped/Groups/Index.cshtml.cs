using Kith.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Groups;

public sealed record GroupRow(Guid Id, string Name, string? Type, int Members);

public sealed class IndexModel(AppDbContext db, VaultScope scope) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];
    public bool CanEdit => scope.CanEdit;
    public int PageNumber { get; private set; }
    public bool HasMore { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int p, CancellationToken ct)
    {
        PageNumber = Math.Clamp(p, 0, 10_000);
        var vaultId = scope.VaultId;
        var rows = await db.Groups.Where(g => g.VaultId == vaultId)
            .OrderBy(g => g.Name).ThenBy(g => g.Id)
            .Skip(PageNumber * PageSize).Take(PageSize + 1)
            .Select(g => new GroupRow(g.Id, g.Name,
                db.PersonalizationItems.Where(i => i.Id == g.TypeId).Select(i => i.Name).FirstOrDefault(),
                db.GroupMembers.Count(m => m.GroupId == g.Id && db.Contacts.Any(c => c.Id == m.ContactId && c.DeletedAt == null))))
            .ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Groups = rows.Take(PageSize).ToList();
        return Page();
    }
}
