using System.Security.Claims;
using Kith.Data;
using Kith.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features;

/// <summary>What the signed-in user's navigation shows; read from the database, like every authorization decision.</summary>
public sealed class Navigation(AppDbContext db, IHttpContextAccessor http)
{
    public async Task<bool> IsAccountAdministratorAsync()
    {
        var user = http.HttpContext?.User;
        if (!Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)) return false;
        return await db.Users.AnyAsync(u => u.Id == id && (u.Role == AccountRole.Administrator || u.Role == AccountRole.Owner));
    }
}
