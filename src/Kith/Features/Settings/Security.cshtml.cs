using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Settings;

/// <summary>The account's MFA policy: when required, users without a second factor can only enrol.</summary>
[RequireRecentAuthentication]
public sealed class SecuritySettingsModel(AppDbContext db, UserManager<User> users, SecurityLogWriter securityLog) : PageModel
{
    [BindProperty]
    public bool RequireMfa { get; set; }

    public int UsersWithoutMfa { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } actor) return Challenge();
        RequireMfa = await db.Accounts.Where(a => a.Id == actor.AccountId).Select(a => a.RequireMfa).SingleAsync(ct);
        UsersWithoutMfa = await db.Users.CountAsync(u => u.AccountId == actor.AccountId && u.DeactivatedAt == null
            && !db.TotpAuthenticators.Any(t => t.UserId == u.Id && t.ConfirmedAt != null)
            && !db.UserPasskeys.Any(p => p.UserId == u.Id), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } actor) return Challenge();
        var account = await db.Accounts.SingleAsync(a => a.Id == actor.AccountId, ct);
        if (account.RequireMfa != RequireMfa)
        {
            account.SetRequireMfa(RequireMfa);
            securityLog.Add(SecurityEventTypes.MfaPolicyChanged, actor, RequireMfa ? "MFA required" : "MFA optional");
            await db.SaveChangesAsync(ct);
        }
        StatusMessage = RequireMfa ? "Every user of this account now needs two-factor authentication." : "Two-factor authentication is now optional.";
        return RedirectToPage();
    }
}
