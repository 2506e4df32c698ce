using System.Security.Claims;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account;

public sealed class SecurityLogModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SecurityLogFilter Filter { get; set; } = new();

    public SecurityLogPage Events { get; private set; } = new([], 1, false);
    public SecurityLogFilterView FilterView { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) Filter = new SecurityLogFilter();
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        // Only this user's events, whatever the filter names: the user filter is not offered here.
        Filter.UserId = null;
        var mine = db.SecurityEvents.AsNoTracking().Where(e => e.UserId == userId);
        Events = await SecurityLogQuery.PageAsync(db, mine, Filter, ct);
        FilterView = new(Filter, await mine.Select(e => e.Type).Distinct().OrderBy(t => t).ToListAsync(ct), null);
        return Page();
    }
}
