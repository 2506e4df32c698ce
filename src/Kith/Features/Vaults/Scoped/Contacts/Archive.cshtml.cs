using Kith.Features.Contacts.Lifecycle;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Vaults.Scoped.Contacts;

/// <summary>Archive or unarchive (the buttons are on the contact page): archived contacts leave the list but stay searchable by filter.</summary>
[Authorize(Policy = VaultPolicy.Edit)]
public sealed class ArchiveModel(VaultScope scope, ContactLifecycle lifecycle) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IActionResult OnGet(Guid contactId) => RedirectToPage("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId });

    public async Task<IActionResult> OnPostAsync(Guid contactId, bool archived, CancellationToken ct)
    {
        if (!await lifecycle.SetArchivedAsync(scope, contactId, archived, ct)) return NotFound();
        StatusMessage = archived ? "The contact was archived." : "The contact is back in the list.";
        return RedirectToPage("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId });
    }
}
