using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Settings;

public sealed class AccountSecurityLogModel(AppDbContext db, UserManager<User> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SecurityLogFilter Filter { get; set; } = new();

    public SecurityLogPage Events { get; private set; } = new([], 1, false);
    public SecurityLogFilterView FilterView { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await users.GetUserAsync(User);
        if (actor is null) return Challenge();
        if (!ModelState.IsValid) Filter = new SecurityLogFilter();
        var account = db.SecurityEvents.AsNoTracking().Where(e => e.AccountId == actor.AccountId);
        Events = await SecurityLogQuery.PageAsync(db, account, Filter, ct);
        var people = await db.Users.AsNoTracking().Where(u => u.AccountId == actor.AccountId).OrderBy(u => u.DisplayName)
            .Select(u => new SecurityLogUserOption(u.Id, u.DisplayName)).ToListAsync(ct);
        FilterView = new(Filter, await account.Select(e => e.Type).Distinct().OrderBy(t => t).ToListAsync(ct), people);
        return Page();
    }
}
