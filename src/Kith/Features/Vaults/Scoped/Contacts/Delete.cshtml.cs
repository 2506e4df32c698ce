using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Lifecycle;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class DeleteModel(AppDbContext db, VaultScope scope, ContactLifecycle lifecycle) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public Guid VaultId => scope.VaultId;
    public Guid ContactId { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct)
    {
        var userId = scope.UserId;
        var found = await db.Contacts.InScope(scope).AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new
            {
                c.FirstName,
                c.LastName,
                c.Nickname,
                c.MiddleName,
                NameOrder = db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null) return NotFound();
        ContactId = contactId;
        DisplayName = ContactNames.Display(found.NameOrder ?? ContactNames.FirstLast, found.FirstName, found.LastName, found.Nickname, found.MiddleName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        if (!await lifecycle.DeleteAsync(scope, contactId, ct)) return NotFound();
        StatusMessage = $"The contact is in the bin for {ContactLifecycle.RestoreWindow.Days} days; restore it from there.";
        return RedirectToPage("/Vaults/Scoped/Contacts/Index", new { vaultId = scope.VaultId });
    }
}
