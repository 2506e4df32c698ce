using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Lifecycle;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

public sealed record BinRow(Guid Id, string FirstName, string? LastName, string? Nickname, string? MiddleName, DateTime DeletedAt);

/// <summary>Deleted contacts of the vault, newest first, restorable until the purge removes them.</summary>
[Authorize(Policy = VaultPolicy.Edit)]
public sealed class BinModel(AppDbContext db, VaultScope scope, ContactLifecycle lifecycle, TimeProvider clock) : PageModel
{
    public const int MaxShown = 500;

    public IReadOnlyList<BinRow> Rows { get; private set; } = [];
    public string NameOrder { get; private set; } = ContactNames.FirstLast;
    public Guid VaultId => scope.VaultId;
    public DateTime Now { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = scope.UserId;
        Now = clock.GetUtcNow().UtcDateTime;
        var since = Now - ContactLifecycle.RestoreWindow;
        NameOrder = await db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).FirstOrDefaultAsync(ct) ?? ContactNames.FirstLast;
        Rows = await db.Contacts.InScopeIncludingDeleted(scope).AsNoTracking()
            .Where(c => c.DeletedAt != null && c.DeletedAt > since)
            .OrderByDescending(c => c.DeletedAt).Take(MaxShown)
            .Select(c => new BinRow(c.Id, c.FirstName, c.LastName, c.Nickname, c.MiddleName, c.DeletedAt!.Value))
            .ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid contactId, CancellationToken ct)
    {
        if (!await lifecycle.RestoreAsync(scope, contactId, ct)) return NotFound();
        StatusMessage = "The contact was restored.";
        return RedirectToPage("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId });
    }

    public int DaysLeft(BinRow row) => Math.Max(0, (int)Math.Ceiling((row.DeletedAt + ContactLifecycle.RestoreWindow - Now).TotalDays));
}
