using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class EditModel(AppDbContext db, VaultScope scope, WriteContact write, ContactPicker picker) : PageModel, IContactForm
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public ContactFormOptions Options { get; private set; } = null!;
    public Guid VaultId => scope.VaultId;
    public Guid ContactId { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct)
    {
        var found = await db.Contacts.InScope(scope).AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new { Contact = c, Company = db.Companies.Where(co => co.Id == c.CompanyId).Select(co => co.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (found is null) return NotFound();
        ContactId = contactId;
        Input = ContactInput.From(found.Contact, found.Company);
        Options = await ContactForms.OptionsAsync(db, scope, Input.MetThroughContactId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        ContactId = contactId;
        var choices = await ContactForms.ResolveMetThroughAsync(picker, scope, Input, contactId, ModelState, ct);
        if (ModelState.IsValid)
        {
            var result = await write.UpdateAsync(scope, contactId, Input, ct);
            if (result.ContactId is null) return NotFound();
            if (result.Succeeded)
            {
                StatusMessage = "The contact was saved.";
                return RedirectToPage("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId });
            }
            ModelState.AddErrors(result.Errors);
        }
        else if (!await db.Contacts.InScope(scope).AnyAsync(c => c.Id == contactId, ct))
        {
            return NotFound();
        }
        Options = await ContactForms.OptionsAsync(db, scope, Input.MetThroughContactId, ct) with { MetThroughChoices = choices };
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
