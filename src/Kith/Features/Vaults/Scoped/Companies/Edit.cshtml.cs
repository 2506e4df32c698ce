using Kith.Data;
using Kith.Features.Contacts.Connections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Companies;

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class EditModel(AppDbContext db, VaultScope scope, WriteCompany write) : PageModel
{
    public Guid CompanyId { get; private set; }
    public string Name { get; private set; } = "";
    public int People { get; private set; }

    [BindProperty]
    public CompanyNameInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid companyId, CancellationToken ct) => await ShowAsync(companyId, StatusCodes.Status200OK, ct);

    public async Task<IActionResult> OnPostRenameAsync(Guid companyId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ShowAsync(companyId, StatusCodes.Status422UnprocessableEntity, ct);
        var change = await write.RenameAsync(scope, companyId, Input.Name, ct);
        if (change.Outcome != ConnectionOutcome.Done) return NotFound();
        StatusMessage = "The company was renamed.";
        return RedirectToPage("/Vaults/Scoped/Companies/Details", new { vaultId = scope.VaultId, companyId });
    }

    /// <summary>Needs confirm=true (the checkbox): the company's people lose their company.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid companyId, bool confirm, CancellationToken ct)
    {
        ModelState.Clear();
        if (!confirm)
        {
            ModelState.AddModelError("", "Tick the box to confirm the deletion.");
            return await ShowAsync(companyId, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var change = await write.DeleteAsync(scope, companyId, ct);
        if (change.Outcome != ConnectionOutcome.Done) return NotFound();
        StatusMessage = "The company was deleted.";
        return RedirectToPage("/Vaults/Scoped/Companies/Index", new { vaultId = scope.VaultId });
    }

    private async Task<IActionResult> ShowAsync(Guid companyId, int status, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        var company = await db.Companies.Where(c => c.Id == companyId && c.VaultId == vaultId)
            .Select(c => new { c.Name, People = db.Contacts.Count(p => p.CompanyId == c.Id && p.DeletedAt == null) })
            .SingleOrDefaultAsync(ct);
        if (company is null) return NotFound();
        CompanyId = companyId;
        Name = company.Name;
        People = company.People;
        if (string.IsNullOrEmpty(Input.Name)) Input.Name = company.Name;
        Response.StatusCode = status;
        return Page();
    }
}
