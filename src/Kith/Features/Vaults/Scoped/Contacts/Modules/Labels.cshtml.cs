using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed record ContactLabelOption(Guid Id, string Name, string Colour, bool OnContact);

/// <summary>Puts the vault's labels on a contact and takes them off; the labels themselves are managed in the vault settings.</summary>
[Authorize(Policy = VaultPolicy.Edit)]
public sealed class LabelsModel(AppDbContext db, VaultScope scope, ContactEdits edits) : PageModel
{
    public IReadOnlyList<ContactLabelOption> Labels { get; private set; } = [];
    public Guid ContactId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct)
    {
        if (await edits.FindAsync(contactId, ct) is null) return NotFound();
        await LoadAsync(contactId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid contactId, Guid labelId, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var label = await VaultLabelAsync(labelId, ct);
        if (label is null) return NotFound();
        if (!await db.ContactLabels.AnyAsync(l => l.ContactId == contactId && l.LabelId == labelId, ct))
        {
            db.ContactLabels.Add(ContactLabel.Create(contactId, labelId));
            await edits.SaveAsync(contact, FeedActions.LabelAdded, label.Name, ct);
        }
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid contactId, Guid labelId, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var label = await VaultLabelAsync(labelId, ct);
        if (label is null) return NotFound();
        // Removing a label the contact no longer has (a second click, another tab) changes nothing.
        var link = await db.ContactLabels.SingleOrDefaultAsync(l => l.ContactId == contactId && l.LabelId == labelId, ct);
        if (link is not null)
        {
            db.ContactLabels.Remove(link);
            await edits.SaveAsync(contact, FeedActions.LabelRemoved, label.Name, ct);
        }
        return RedirectToPage(new { contactId });
    }

    private Task<Label?> VaultLabelAsync(Guid labelId, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        return db.Labels.AsNoTracking().SingleOrDefaultAsync(l => l.Id == labelId && l.VaultId == vaultId, ct);
    }

    private async Task LoadAsync(Guid contactId, CancellationToken ct)
    {
        ContactId = contactId;
        var vaultId = scope.VaultId;
        Labels = await db.Labels.AsNoTracking().Where(l => l.VaultId == vaultId).OrderBy(l => l.Name)
            .Select(l => new ContactLabelOption(l.Id, l.Name, l.Colour, db.ContactLabels.Any(cl => cl.ContactId == contactId && cl.LabelId == l.Id)))
            .ToListAsync(ct);
    }
}
