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
        Vaults = await db.Vaults.AsNoTracking()
            .Where(v => v.Members.Any(m => m.UserId == userId))
            .OrderBy(v => v.Name)
            .Select(v => new VaultListItem(v.Id, v.Name, v.Members.First(m => m.UserId == userId).Access))
            .ToListAsync(ct);
    }
}
