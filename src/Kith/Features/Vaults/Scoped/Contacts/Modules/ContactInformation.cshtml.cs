using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed class ContactInformationInput
{
    public Guid TypeId { get; set; }
    public ContactInformationKind Kind { get; set; }

    [Required, StringLength(ModuleLengths.ContactInformationValue), Display(Name = "Value")]
    public string Value { get; set; } = "";

    public bool IsPreferred { get; set; }
}

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class ContactInformationModel(AppDbContext db, ContactEdits edits) : PageModel
{
    [BindProperty]
    public ContactInformationInput Input { get; set; } = new();

    public IReadOnlyList<PersonalizationItem> Types { get; private set; } = [];
    public IReadOnlyList<ContactInformation> Rows { get; private set; } = [];
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

    /// <summary>What the refused form posted (see <see cref="EditingId"/>); the stored row or an empty form otherwise.</summary>
    public ContactInformationFormFields FieldsFor(ContactInformation? row)
    {
        if (row?.Id == EditingId)
            return new(row?.Id.ToString() ?? "new", ModelState.GetValueOrDefault("Input.TypeId")?.AttemptedValue, ModelState.GetValueOrDefault("Input.Kind")?.AttemptedValue,
                Input.Value, Input.IsPreferred, Types, Error);
        return row is null
            ? new("new", null, null, null, false, Types, _ => null)
            : new(row.Id.ToString(), row.TypeId.ToString(), row.Kind.ToString(), row.Value, row.IsPreferred, Types, _ => null);
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var type = await ValidTypeAsync(ct);
        if (type is null) return await InvalidAsync(contactId, null, ct);

        if (Input.IsPreferred) await ClearPreferredAsync(contactId, type.Id, ct);
        db.ContactInformation.Add(ContactInformation.Create(contactId, type.Id, Input.Kind, Input.Value.Trim(), Input.IsPreferred));
        await edits.SaveAsync(contact, FeedActions.ContactInformationAdded, type.Name, ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostEditAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var row = await db.ContactInformation.SingleOrDefaultAsync(i => i.Id == id && i.ContactId == contactId, ct);
        if (row is null) return NotFound();
        var type = await ValidTypeAsync(ct);
        if (type is null) return await InvalidAsync(contactId, id, ct);

        if (Input.IsPreferred) await ClearPreferredAsync(contactId, type.Id, ct);
        row.TypeId = type.Id;
        row.Kind = Input.Kind;
        row.Value = Input.Value.Trim();
        row.IsPreferred = Input.IsPreferred;
        await edits.SaveAsync(contact, FeedActions.ContactInformationUpdated, type.Name, ct);
        return RedirectToPage(new { contactId });
    }

    /// <summary>The posted type when it is the account's and the whole input is valid; null (with form messages) otherwise.</summary>
    private async Task<PersonalizationItem?> ValidTypeAsync(CancellationToken ct)
    {
        var type = await edits.ItemAsync(Input.TypeId, PersonalizationKind.ContactInformationType, ct);
        if (type is null) ModelState.AddModelError("Input.TypeId", "Choose a type.");
        if (!Enum.IsDefined(Input.Kind)) ModelState.AddModelError("Input.Kind", "Choose home, work or other.");
        if (type is not null && SafeLinks.Problem(type.Scheme, Input.Value ?? "") is { } problem) ModelState.AddModelError("Input.Value", problem);
        return ModelState.IsValid ? type : null;
    }

    public async Task<IActionResult> OnPostPreferAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var row = await db.ContactInformation.SingleOrDefaultAsync(i => i.Id == id && i.ContactId == contactId, ct);
        if (row is null) return NotFound();
        await ClearPreferredAsync(contactId, row.TypeId, ct);
        row.IsPreferred = true;
        await edits.SaveAsync(contact, FeedActions.ContactInformationUpdated, null, ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var row = await db.ContactInformation.SingleOrDefaultAsync(i => i.Id == id && i.ContactId == contactId, ct);
        if (row is null) return NotFound();
        db.ContactInformation.Remove(row);
        await edits.SaveAsync(contact, FeedActions.ContactInformationRemoved, null, ct);
        return RedirectToPage(new { contactId });
    }

    /// <summary>At most one preferred value per type.</summary>
    private async Task ClearPreferredAsync(Guid contactId, Guid typeId, CancellationToken ct)
    {
        var preferred = await db.ContactInformation.Where(i => i.ContactId == contactId && i.TypeId == typeId && i.IsPreferred).ToListAsync(ct);
        foreach (var other in preferred) other.IsPreferred = false;
    }

    private async Task<IActionResult> InvalidAsync(Guid contactId, Guid? editingId, CancellationToken ct)
    {
        EditingId = editingId;
        await LoadAsync(contactId, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(Guid contactId, CancellationToken ct)
    {
        ContactId = contactId;
        Types = await edits.ItemsAsync(PersonalizationKind.ContactInformationType, ct);
        Rows = await db.ContactInformation.AsNoTracking().Where(i => i.ContactId == contactId).OrderBy(i => i.Value).ToListAsync(ct);
    }
}

/// <summary>One contact-information form's values as posted or stored, and where its messages come from.</summary>
public sealed record ContactInformationFormFields(string IdPrefix, string? TypeId, string? Kind, string? Value, bool IsPreferred,
    IReadOnlyList<PersonalizationItem> Types, Func<string, string?> Error);
