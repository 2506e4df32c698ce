using Kith.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Vaults.Scoped.Groups;

public sealed class DetailsModel(AppDbContext db, VaultScope scope) : PageModel
{
    public GroupView Group { get; private set; } = null!;
    public bool CanEdit => scope.CanEdit;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken ct)
    {
        var group = await GroupView.LoadAsync(db, scope, groupId, ct);
        if (group is null) return NotFound();
        Group = group;
        return Page();
    }
}
