using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Lifecycle;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

/// <summary>Archive or unarchive (the buttons are on the contact page): archived contacts leave the list but stay searchable by filter.</summary>
[Authorize(Policy = VaultPolicy.Edit)]
public sealed class ArchiveModel(AppDbContext db, VaultScope scope, ContactLifecycle lifecycle) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct) =>
        await db.Contacts.InScope(scope).AnyAsync(c => c.Id == contactId, ct)
            ? RedirectToPage("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId })
            : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid contactId, bool archived, CancellationToken ct)
    {
        if (!await lifecycle.SetArchivedAsync(scope, contactId, archived, ct)) return NotFound();
        StatusMessage = archived ? "The contact was archived." : "The contact is back in the list.";
        return RedirectToPage("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId });
    }
}
