using Kith.Features.Contacts.Connections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Vaults.Scoped.Companies;

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class NewModel(VaultScope scope, WriteCompany write) : PageModel
{
    [BindProperty]
    public CompanyNameInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var change = await write.CreateAsync(scope, Input.Name, ct);
        StatusMessage = "The company was created.";
        return RedirectToPage("/Vaults/Scoped/Companies/Details", new { vaultId = scope.VaultId, companyId = change.Id });
    }
}
