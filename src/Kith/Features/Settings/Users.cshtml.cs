using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Account.Sessions;
using Kith.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Settings;

public sealed record AccountUserView(Guid Id, string Name, string Email, AccountRole Role, bool Active);

[RequireRecentAuthentication]
public sealed class UsersModel(AppDbContext db, UserManager<User> users, ManageUsers manage) : PageModel
{
    public IReadOnlyList<AccountUserView> Users { get; private set; } = [];
    public Guid CurrentUserId { get; private set; }
    public bool CurrentUserIsOwner { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(await users.GetUserAsync(User), ct);

    public Task<IActionResult> OnPostRoleAsync(Guid userId, string? role, CancellationToken ct) =>
        Enum.TryParse<AccountRole>(role, out var parsed) && parsed is AccountRole.Member or AccountRole.Administrator
            ? ApplyAsync(actor => manage.ChangeRoleAsync(actor, userId, parsed, ct), "The role was changed.", ct)
            : ApplyAsync(_ => Task.FromResult(UserChange.NotAllowed), "", ct);

    public Task<IActionResult> OnPostDeactivateAsync(Guid userId, CancellationToken ct) =>
        ApplyAsync(actor => manage.SetActiveAsync(actor, userId, active: false, ct), "The user was deactivated and signed out everywhere.", ct);

    public Task<IActionResult> OnPostReactivateAsync(Guid userId, CancellationToken ct) =>
        ApplyAsync(actor => manage.SetActiveAsync(actor, userId, active: true, ct), "The user was reactivated.", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken ct) =>
        ApplyAsync(actor => manage.RemoveAsync(actor, userId, ct), "The user was removed.", ct);

    public Task<IActionResult> OnPostTransferAsync(Guid userId, CancellationToken ct) =>
        ApplyAsync(actor => manage.TransferOwnershipAsync(actor, userId, ct), "Ownership was transferred; you are now an administrator.", ct);

    private async Task<IActionResult> ApplyAsync(Func<User, Task<UserChange>> change, string success, CancellationToken ct)
    {
        var actor = await users.GetUserAsync(User);
        if (actor is null) return Challenge();
        switch (await change(actor))
        {
            case UserChange.Done:
                StatusMessage = success;
                return RedirectToPage();
            case UserChange.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", "That change is not allowed: the owner keeps their role, you cannot change yourself here, and only the owner transfers ownership.");
                return await ShowAsync(actor, ct, StatusCodes.Status403Forbidden);
        }
    }

    private async Task<IActionResult> ShowAsync(User? actor, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        if (actor is null) return Challenge();
        CurrentUserId = actor.Id;
        CurrentUserIsOwner = actor.Role == AccountRole.Owner;
        Users = await db.Users.AsNoTracking()
            .Where(u => u.AccountId == actor.AccountId)
            .OrderBy(u => u.DisplayName)
            .Select(u => new AccountUserView(u.Id, u.DisplayName, u.Email!, u.Role, u.DeactivatedAt == null))
            .ToListAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
