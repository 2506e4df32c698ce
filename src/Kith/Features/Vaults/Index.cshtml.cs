using System.Security.Claims;
using Kith.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults;

public sealed record VaultListItem(Guid Id, string Name, VaultAccessLevel Access);

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<VaultListItem> Vaults { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Vaults = await db.VaultMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Vaults, m => m.VaultId, v => v.Id, (m, v) => new VaultListItem(v.Id, v.Name, m.Access))
            .OrderBy(v => v.Name)
            .ToListAsync(ct);
    }
}
