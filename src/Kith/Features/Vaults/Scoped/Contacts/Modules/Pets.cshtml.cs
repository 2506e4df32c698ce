using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed class PetInput
{
    public Guid CategoryId { get; set; }

    [Required, StringLength(ModuleLengths.PetName), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line of text."), Display(Name = "Name")]
    public string Name { get; set; } = "";
}

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class PetsModel(AppDbContext db, ContactEdits edits) : PageModel
{
    [BindProperty]
    public PetInput Input { get; set; } = new();

    public IReadOnlyList<PersonalizationItem> Categories { get; private set; } = [];
    public IReadOnlyList<Pet> Rows { get; private set; } = [];
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
        var category = await edits.ItemAsync(Input.CategoryId, PersonalizationKind.PetCategory, ct);
        if (category is null) ModelState.AddModelError("Input.CategoryId", "Choose a category.");
        if (!ModelState.IsValid) return await InvalidAsync(contactId, ct);
        db.Pets.Add(Pet.Create(contactId, category!.Id, Input.Name.Trim()));
        await edits.SaveAsync(contact, FeedActions.PetAdded, Input.Name.Trim(), ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostEditAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var pet = await db.Pets.SingleOrDefaultAsync(p => p.Id == id && p.ContactId == contactId, ct);
        if (pet is null) return NotFound();
        var category = await edits.ItemAsync(Input.CategoryId, PersonalizationKind.PetCategory, ct);
        if (category is null) ModelState.AddModelError("Input.CategoryId", "Choose a category.");
        if (!ModelState.IsValid) return await InvalidAsync(contactId, ct);
        pet.CategoryId = category!.Id;
        pet.Name = Input.Name.Trim();
        await edits.SaveAsync(contact, FeedActions.PetUpdated, pet.Name, ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var pet = await db.Pets.SingleOrDefaultAsync(p => p.Id == id && p.ContactId == contactId, ct);
        if (pet is null) return NotFound();
        db.Pets.Remove(pet);
        await edits.SaveAsync(contact, FeedActions.PetRemoved, pet.Name, ct);
        return RedirectToPage(new { contactId });
    }

    private async Task<IActionResult> InvalidAsync(Guid contactId, CancellationToken ct)
    {
        await LoadAsync(contactId, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(Guid contactId, CancellationToken ct)
    {
        ContactId = contactId;
        Categories = await edits.ItemsAsync(PersonalizationKind.PetCategory, ct);
        Rows = await db.Pets.AsNoTracking().Where(p => p.ContactId == contactId).OrderBy(p => p.Name).ToListAsync(ct);
    }
}
