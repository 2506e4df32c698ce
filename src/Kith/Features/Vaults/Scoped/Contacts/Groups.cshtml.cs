using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Connections;
using Kith.Features.Vaults.Scoped.Groups;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

/// <summary>"Add to a group" from a contact's Connections tab, and leaving a group.</summary>
[Authorize(Policy = VaultPolicy.Edit)]
public sealed class GroupsModel(AppDbContext db, VaultScope scope, WriteGroup write) : PageModel
{
    public const int GroupLimit = 500;

    public Guid ContactId { get; private set; }
    public string ContactName { get; private set; } = "";
    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];
    public IReadOnlyList<RoleOption> Roles { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct) => await ShowAsync(contactId, StatusCodes.Status200OK, ct);

    public async Task<IActionResult> OnPostAddAsync(Guid contactId, Guid? groupId, Guid? roleId, CancellationToken ct)
    {
        if (!await db.Contacts.InScope(scope).AnyAsync(c => c.Id == contactId, ct)) return NotFound();
        if (groupId is null || !ModelState.IsValid)
        {
            ModelState.AddModelError("", "Choose a group.");
            return await ShowAsync(contactId, StatusCodes.Status422UnprocessableEntity, ct);
        }
        return await ResultAsync(contactId, await write.AddMemberAsync(scope, groupId.Value, contactId, roleId, ct), "The contact was added to the group.", ct);
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid contactId, Guid groupId, CancellationToken ct) =>
        await ResultAsync(contactId, await write.RemoveMemberAsync(scope, groupId, contactId, ct), "The contact was removed from the group.", ct);

    private async Task<IActionResult> ResultAsync(Guid contactId, ConnectionChange change, string success, CancellationToken ct)
    {
        switch (change.Outcome)
        {
            case ConnectionOutcome.Done:
                StatusMessage = success;
                return RedirectToPage("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId, tab = ContactTab.Connections });
            case ConnectionOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", change.Message!);
                return await ShowAsync(contactId, StatusCodes.Status422UnprocessableEntity, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Guid contactId, int status, CancellationToken ct)
    {
        var userId = scope.UserId;
        var vaultId = scope.VaultId;
        var contact = await db.Contacts.InScope(scope).Where(c => c.Id == contactId)
            .Select(c => new { c.FirstName, c.LastName, c.Nickname, NameOrder = db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (contact is null) return NotFound();
        ContactId = contactId;
        ContactName = ContactNames.Display(contact.NameOrder ?? ContactNames.FirstLast, contact.FirstName, contact.LastName, contact.Nickname);
        Groups = await db.Groups.Where(g => g.VaultId == vaultId && !db.GroupMembers.Any(m => m.GroupId == g.Id && m.ContactId == contactId))
            .OrderBy(g => g.Name).Take(GroupLimit).Select(g => new GroupOption(g.Id, g.Name)).ToListAsync(ct);
        Roles = await GroupOptions.RolesAsync(db, scope, null, ct);
        Response.StatusCode = status;
        return Page();
    }
}
