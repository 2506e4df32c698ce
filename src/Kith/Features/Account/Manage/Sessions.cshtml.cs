using Kith.Features.Account.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account.Manage;

/// <summary>Ending a session changes who can use the account: both actions need sudo mode; reading the list does not.</summary>
[RequireRecentAuthentication]
public sealed class SessionsModel(UserManager<User> users, ManageSessions sessions) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Sessions = await sessions.ListAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid? sessionId, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (sessionId is not { } id || !await sessions.RevokeAsync(user, id, ct)) return NotFound();
        StatusMessage = "The session was signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeOthersAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var count = await sessions.RevokeOthersAsync(user, "from the sessions page", ct);
        StatusMessage = count == 1 ? "One other session was signed out." : $"{count} other sessions were signed out.";
        return RedirectToPage();
    }
}
