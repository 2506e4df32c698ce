using Kith.Data;
using Kith.Features.Contacts.Connections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Vaults.Scoped.Groups;

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class NewModel(AppDbContext db, VaultScope scope, WriteGroup write) : PageModel
{
    public IReadOnlyList<GroupOption> Types { get; private set; } = [];

    [BindProperty]
    public GroupNameInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(StatusCodes.Status200OK, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ShowAsync(StatusCodes.Status422UnprocessableEntity, ct);
        var change = await write.CreateAsync(scope, Input.Name, Input.TypeId, ct);
        if (change.Outcome != ConnectionOutcome.Done)
        {
            ModelState.AddModelError("Input.TypeId", change.Message ?? "Choose a group type.");
            return await ShowAsync(StatusCodes.Status422UnprocessableEntity, ct);
        }
        StatusMessage = "The group was created.";
        return RedirectToPage("/Vaults/Scoped/Groups/Details", new { vaultId = scope.VaultId, groupId = change.Id });
    }

    private async Task<IActionResult> ShowAsync(int status, CancellationToken ct)
    {
        Types = await GroupOptions.TypesAsync(db, scope, ct);
        Response.StatusCode = status;
        return Page();
    }
}
