using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Connections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Groups;

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class EditModel(AppDbContext db, VaultScope scope, WriteGroup write, ContactPicker picker) : PageModel
{
    public GroupView Group { get; private set; } = null!;
    public IReadOnlyList<ContactHit> Choices { get; private set; } = [];
    public string NameOrder { get; private set; } = ContactNames.FirstLast;

    [BindProperty]
    public GroupNameInput Input { get; set; } = new();

    [BindProperty]
    public ContactPickerInput Member { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public ContactPickerView Picker => new(nameof(Member), "Contact", scope.VaultId, Member, null, Choices, NameOrder);

    public async Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken ct) => await ShowAsync(groupId, StatusCodes.Status200OK, ct);

    public async Task<IActionResult> OnPostRenameAsync(Guid groupId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ShowAsync(groupId, StatusCodes.Status422UnprocessableEntity, ct);
        return await ResultAsync(groupId, await write.RenameAsync(scope, groupId, Input.Name, ct), "The group was renamed.", ct);
    }

    /// <summary>Needs confirm=true (the checkbox): the members lose the group.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid groupId, bool confirm, CancellationToken ct)
    {
        ModelState.Clear();
        if (!confirm)
        {
            ModelState.AddModelError("", "Tick the box to confirm the deletion.");
            return await ShowAsync(groupId, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var change = await write.DeleteAsync(scope, groupId, ct);
        if (change.Outcome != ConnectionOutcome.Done) return NotFound();
        StatusMessage = "The group was deleted.";
        return RedirectToPage("/Vaults/Scoped/Groups/Index", new { vaultId = scope.VaultId });
    }

    public async Task<IActionResult> OnPostAddMemberAsync(Guid groupId, Guid? roleId, CancellationToken ct)
    {
        if (Invalid("roleId", "Member.Query", "Member.SelectedId")) return await ShowAsync(groupId, StatusCodes.Status422UnprocessableEntity, ct);
        var picked = await picker.ResolveAsync(scope, Member, null, ct);
        if (picked.Outcome != PickerOutcome.Chosen)
        {
            Choices = picked.Choices;
            ModelState.AddModelError("", picked.Outcome == PickerOutcome.Empty ? "Choose a contact." : "Choose one of the matching contacts.");
            return await ShowAsync(groupId, StatusCodes.Status422UnprocessableEntity, ct);
        }
        return await ResultAsync(groupId, await write.AddMemberAsync(scope, groupId, picked.ContactId!.Value, roleId, ct), "The member was added.", ct);
    }

    public async Task<IActionResult> OnPostChangeRoleAsync(Guid groupId, Guid contactId, Guid? roleId, CancellationToken ct)
    {
        if (Invalid("roleId", "contactId")) return await ShowAsync(groupId, StatusCodes.Status422UnprocessableEntity, ct);
        return await ResultAsync(groupId, await write.ChangeRoleAsync(scope, groupId, contactId, roleId, ct), "The role was changed.", ct);
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid groupId, Guid contactId, CancellationToken ct) =>
        await ResultAsync(groupId, await write.RemoveMemberAsync(scope, groupId, contactId, ct), "The member was removed.", ct);

    /// <summary>Only these fields are posted by the member forms; the rename form's Input is not part of them.</summary>
    private bool Invalid(params string[] keys) =>
        keys.Any(k => ModelState.GetFieldValidationState(k) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid);

    private async Task<IActionResult> ResultAsync(Guid groupId, ConnectionChange change, string success, CancellationToken ct)
    {
        switch (change.Outcome)
        {
            case ConnectionOutcome.Done:
                StatusMessage = success;
                return RedirectToPage("/Vaults/Scoped/Groups/Details", new { vaultId = scope.VaultId, groupId });
            case ConnectionOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", change.Message!);
                return await ShowAsync(groupId, StatusCodes.Status422UnprocessableEntity, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Guid groupId, int status, CancellationToken ct)
    {
        var group = await GroupView.LoadAsync(db, scope, groupId, ct);
        if (group is null) return NotFound();
        Group = group;
        if (string.IsNullOrEmpty(Input.Name)) Input.Name = group.Name;
        var userId = scope.UserId;
        NameOrder = await db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).SingleAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
