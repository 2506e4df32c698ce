using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Vaults.Scoped.Contacts;

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class NewModel(AppDbContext db, VaultScope scope, WriteContact write, ContactPicker picker) : PageModel, IContactForm
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public ContactFormOptions Options { get; private set; } = null!;
    public Guid VaultId => scope.VaultId;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Options = await ContactForms.OptionsAsync(db, scope, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var choices = await ContactForms.ResolveMetThroughAsync(picker, scope, Input, null, ModelState, ct);
        if (ModelState.IsValid)
        {
            var result = await write.CreateAsync(scope, Input, ct);
            if (result.Succeeded)
            {
                StatusMessage = "The contact was added.";
                return RedirectToPage("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId = result.ContactId });
            }
            ModelState.AddErrors(result.Errors);
        }
        Options = await ContactForms.OptionsAsync(db, scope, Input.MetThroughContactId, ct) with { MetThroughChoices = choices };
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
