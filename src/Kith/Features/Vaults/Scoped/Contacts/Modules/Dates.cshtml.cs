using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed class ImportantDateInput
{
    public Guid TypeId { get; set; }

    [StringLength(ModuleLengths.DateLabel), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line of text.")]
    public string? Label { get; set; }

    public int? Day { get; set; }
    public int? Month { get; set; }
    public int? Year { get; set; }

    public PartialDate Date => new() { Day = Day, Month = Month, Year = Year };
}

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class DatesModel(AppDbContext db, VaultScope scope, ContactEdits edits) : PageModel
{
    [BindProperty]
    public ImportantDateInput Input { get; set; } = new();

    public IReadOnlyList<ImportantDateType> Types { get; private set; } = [];
    public IReadOnlyList<ImportantDate> Rows { get; private set; } = [];
    public Guid ContactId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct)
    {
        if (await edits.FindAsync(contactId, ct) is null) return NotFound();
        await LoadAsync(contactId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var vaultId = scope.VaultId;
        var type = await db.ImportantDateTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == Input.TypeId && t.VaultId == vaultId, ct);
        if (type is null) ModelState.AddModelError("Input.TypeId", "Choose a type.");
        var date = Input.Date;
        if (date.IsEmpty) ModelState.AddModelError("Input.Month", "Enter at least a year or a month.");
        else if (date.Problem() is { } problem) ModelState.AddModelError("Input.Day", problem);
        if (!ModelState.IsValid)
        {
            await LoadAsync(contactId, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var label = string.IsNullOrWhiteSpace(Input.Label) ? null : Input.Label.Trim();
        db.ImportantDates.Add(ImportantDate.Create(contactId, type!.Id, date, label));
        await edits.SaveAsync(contact, FeedActions.ImportantDateAdded, label ?? type.Name, ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var row = await db.ImportantDates.SingleOrDefaultAsync(d => d.Id == id && d.ContactId == contactId, ct);
        if (row is null) return NotFound();
        db.ImportantDates.Remove(row);
        await edits.SaveAsync(contact, FeedActions.ImportantDateRemoved, row.Label, ct);
        return RedirectToPage(new { contactId });
    }

    private async Task LoadAsync(Guid contactId, CancellationToken ct)
    {
        ContactId = contactId;
        var vaultId = scope.VaultId;
        Types = await db.ImportantDateTypes.AsNoTracking().Where(t => t.VaultId == vaultId).OrderBy(t => t.Position).ToListAsync(ct);
        Rows = await db.ImportantDates.AsNoTracking().Where(d => d.ContactId == contactId).ToListAsync(ct);
    }
}
