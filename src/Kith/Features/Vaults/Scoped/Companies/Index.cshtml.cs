using Kith.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Companies;

public sealed record CompanyRow(Guid Id, string Name, int People);

public sealed class IndexModel(AppDbContext db, VaultScope scope) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<CompanyRow> Companies { get; private set; } = [];
    public bool CanEdit => scope.CanEdit;
    public int PageNumber { get; private set; }
    public bool HasMore { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int p, CancellationToken ct)
    {
        PageNumber = Math.Clamp(p, 0, 10_000);
        var vaultId = scope.VaultId;
        var rows = await db.Companies.Where(c => c.VaultId == vaultId)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(PageNumber * PageSize).Take(PageSize + 1)
            .Select(c => new CompanyRow(c.Id, c.Name, db.Contacts.Count(p => p.CompanyId == c.Id && p.DeletedAt == null)))
            .ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Companies = rows.Take(PageSize).ToList();
        return Page();
    }
}
