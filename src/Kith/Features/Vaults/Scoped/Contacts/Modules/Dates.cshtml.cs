using System.ComponentModel.DataAnnotations;
using System.Globalization;
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

    /// <summary>The row whose edit was refused: it shows what was typed, and the add form stays empty.</summary>
    public Guid? EditingId { get; private set; }

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>Exactly what was posted for a field, even when it did not bind ("x" as a day).</summary>
    public string? Typed(string key) => ModelState.TryGetValue(key, out var entry) ? entry.AttemptedValue : null;

    /// <summary>The values a form shows: what was typed in the refused form, the stored row elsewhere, empty for a new one.</summary>
    public DateFormFields FieldsFor(ImportantDate? row)
    {
        var refused = row?.Id == EditingId;
        if (refused)
            return new(row?.Id.ToString() ?? "new", Typed("Input.TypeId"), Typed("Input.Label"), Typed("Input.Day"), Typed("Input.Month"), Typed("Input.Year"), Types, Error);
        return row is null
            ? new("new", null, null, null, null, null, Types, _ => null)
            : new(row.Id.ToString(), row.TypeId.ToString(), row.Label, row.Date.Day?.ToString(CultureInfo.InvariantCulture),
                row.Date.Month?.ToString(CultureInfo.InvariantCulture), row.Date.Year?.ToString(CultureInfo.InvariantCulture), Types, _ => null);
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var type = await ValidTypeAsync(ct);
        if (type is null) return await InvalidAsync(contactId, null, ct);

        var label = CleanLabel;
        db.ImportantDates.Add(ImportantDate.Create(contactId, type.Id, Input.Date, label));
        await edits.SaveAsync(contact, FeedActions.ImportantDateAdded, label ?? type.Name, ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostEditAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var row = await db.ImportantDates.SingleOrDefaultAsync(d => d.Id == id && d.ContactId == contactId, ct);
        if (row is null) return NotFound();
        var type = await ValidTypeAsync(ct);
        if (type is null) return await InvalidAsync(contactId, id, ct);

        row.TypeId = type.Id;
        row.Label = CleanLabel;
        row.Date = Input.Date;
        await edits.SaveAsync(contact, FeedActions.ImportantDateUpdated, row.Label ?? type.Name, ct);
        return RedirectToPage(new { contactId });
    }

    private string? CleanLabel => string.IsNullOrWhiteSpace(Input.Label) ? null : Input.Label.Trim();

    /// <summary>The posted type when it is the vault's and the whole input is valid; null (with form messages) otherwise.</summary>
    private async Task<ImportantDateType?> ValidTypeAsync(CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        var type = await db.ImportantDateTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == Input.TypeId && t.VaultId == vaultId, ct);
        if (type is null) ModelState.AddModelError("Input.TypeId", "Choose a type.");
        var date = Input.Date;
        if (date.IsEmpty) ModelState.AddModelError("Input.Month", "Enter at least a year or a month.");
        else if (date.Problem() is { } problem) ModelState.AddModelError("Input.Day", problem);
        return ModelState.IsValid ? type : null;
    }

    private async Task<IActionResult> InvalidAsync(Guid contactId, Guid? editingId, CancellationToken ct)
    {
        EditingId = editingId;
        await LoadAsync(contactId, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
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

/// <summary>One important-date form's values as text, and where its messages come from.</summary>
public sealed record DateFormFields(string IdPrefix, string? TypeId, string? Label, string? Day, string? Month, string? Year,
    IReadOnlyList<ImportantDateType> Types, Func<string, string?> Error);
