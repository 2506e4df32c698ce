using System.Security.Claims;
using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Settings.Personalization;

public static class AccountOfUser
{
    /// <summary>The signed-in user's account, read from the database (never from a form).</summary>
    public static Task<Guid?> AccountIdAsync(this AppDbContext db, ClaimsPrincipal principal, CancellationToken ct) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? db.Users.Where(u => u.Id == userId).Select(u => (Guid?)u.AccountId).SingleOrDefaultAsync(ct)
            : Task.FromResult<Guid?>(null);
}
