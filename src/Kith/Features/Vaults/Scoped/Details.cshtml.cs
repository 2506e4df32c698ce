using Kith.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped;

public sealed record VaultMemberView(Guid UserId, string Name, string Email, VaultAccessLevel Access);

public sealed record VaultView(Guid Id, string Name, string Description, IReadOnlyList<VaultMemberView> Members);

public sealed class DetailsModel(AppDbContext db, VaultScope scope) : PageModel
{
    public VaultView Vault { get; private set; } = null!;
    public VaultAccessLevel? Access => scope.Access;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var vault = await LoadAsync(db, scope, ct);
        if (vault is null) return NotFound();
        Vault = vault;
        return Page();
    }

    internal static Task<VaultView?> LoadAsync(AppDbContext db, VaultScope scope, CancellationToken ct) =>
        db.Vaults.Current(scope).AsNoTracking()
            .Select(v => new VaultView(v.Id, v.Name, v.Description, v.Members
                .OrderBy(m => m.User!.DisplayName)
                .Select(m => new VaultMemberView(m.UserId, m.User!.DisplayName, m.User.Email!, m.Access)).ToList()))
            .SingleOrDefaultAsync(ct);
}
