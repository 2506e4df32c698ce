using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Addresses;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed class AddressInput
{
    private const string OneLine = "Use a single line of text.";

    public Guid? TypeId { get; set; }

    [StringLength(ConnectionLengths.AddressLine), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = OneLine), Display(Name = "Address line 1")]
    public string? Line1 { get; set; }

    [StringLength(ConnectionLengths.AddressLine), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = OneLine), Display(Name = "Address line 2")]
    public string? Line2 { get; set; }

    [StringLength(ConnectionLengths.City), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = OneLine), Display(Name = "City")]
    public string? City { get; set; }

    [StringLength(ConnectionLengths.Province), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = OneLine), Display(Name = "Province or state")]
    public string? Province { get; set; }

    [StringLength(ConnectionLengths.PostalCode), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = OneLine), Display(Name = "Postal code")]
    public string? PostalCode { get; set; }

    [StringLength(ConnectionLengths.Country), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = OneLine), Display(Name = "Country")]
    public string? Country { get; set; }

    public bool IsPast { get; set; }

    public AddressFields Fields => new(TypeId, Clean(Line1), Clean(Line2), Clean(City), Clean(Province), Clean(PostalCode), Clean(Country));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class AddressesModel(AppDbContext db, ContactEdits edits, ContactAddresses addresses) : PageModel
{
    [BindProperty]
    public AddressInput Input { get; set; } = new();

    /// <summary>The address whose edit was refused: its form shows what was typed, and the add form stays empty.</summary>
    public Guid? EditingId { get; private set; }

    public IReadOnlyList<PersonalizationItem> Types { get; private set; } = [];
    public IReadOnlyList<AddressRow> Rows { get; private set; } = [];
    public IReadOnlyList<AddressMatch> Matches { get; private set; } = [];
    public string? Query { get; private set; }
    public Guid ContactId { get; private set; }

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>With q, also lists the vault's other addresses that match, to attach one (a shared household address).</summary>
    public async Task<IActionResult> OnGetAsync(Guid contactId, string? q, CancellationToken ct)
    {
        if (await edits.FindAsync(contactId, ct) is null) return NotFound();
        Query = q?.Trim();
        if (Query is { Length: >= ContactAddresses.SearchMinLength and <= ContactAddresses.SearchMaxLength })
            Matches = await addresses.SearchAsync(contactId, Query, ct);
        await LoadAsync(contactId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        if (!await ValidAsync(ct)) return await InvalidAsync(contactId, null, ct);
        await addresses.AddAsync(contact, Input.Fields, Input.IsPast, ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostEditAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var link = await addresses.LinkAsync(contactId, id, ct);
        if (link is null) return NotFound();
        if (!await ValidAsync(ct)) return await InvalidAsync(contactId, id, ct);
        await addresses.UpdateAsync(contact, link, Input.Fields, Input.IsPast, ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid contactId, Guid addressId, bool isPast, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        if (!await addresses.AttachAsync(contact, addressId, isPast, ct)) return NotFound();
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostDetachAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var link = await addresses.LinkAsync(contactId, id, ct);
        if (link is null) return NotFound();
        await addresses.DetachAsync(contact, link, ct);
        return RedirectToPage(new { contactId });
    }

    private async Task<bool> ValidAsync(CancellationToken ct)
    {
        if (Input.TypeId is { } typeId && await edits.ItemAsync(typeId, PersonalizationKind.AddressType, ct) is null)
            ModelState.AddModelError("Input.TypeId", "Choose a type from the list.");
        if (string.IsNullOrEmpty(Input.Fields.OneLine)) ModelState.AddModelError("Input.Line1", "Enter at least one part of the address.");
        return ModelState.IsValid;
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
        Types = await edits.ItemsAsync(PersonalizationKind.AddressType, ct);
        Rows = await AddressQueries.RowsAsync(db, contactId, ct);
    }
}

/// <summary>The fields of one address form on the page; errors only show on the form that was posted.</summary>
public sealed record AddressFormFields(string IdPrefix, AddressInput Values, IReadOnlyList<PersonalizationItem> Types, Func<string, string?> Error);
