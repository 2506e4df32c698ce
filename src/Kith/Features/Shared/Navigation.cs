using System.Security.Claims;
using Kith.Data;
using Kith.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features;

public sealed record NavigationFlags(bool IsAccountAdministrator, bool IsInstanceAdministrator)
{
    public static NavigationFlags Of(AccountRole role, bool isInstanceAdministrator) =>
        new(role is AccountRole.Administrator or AccountRole.Owner, isInstanceAdministrator);
}

/// <summary>
/// What the signed-in user's navigation shows, read from the database like every authorization decision, in one query
/// per request (it is part of every page's statement budget). Not asked while an unhandled exception is being rendered,
/// so the error page does not depend on the database that may have caused it.
/// </summary>
public sealed class Navigation(AppDbContext db, IHttpContextAccessor http)
{
    private static readonly NavigationFlags None = new(false, false);
    private NavigationFlags? flags;

    public async Task<NavigationFlags> FlagsAsync()
    {
        if (flags is not null) return flags;
        var context = http.HttpContext;
        if (context?.User.Identity?.IsAuthenticated != true
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            return flags = None;
        flags = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new NavigationFlags(u.Role == AccountRole.Administrator || u.Role == AccountRole.Owner, u.IsInstanceAdministrator))
            .SingleOrDefaultAsync(context.RequestAborted) ?? None;
        return flags;
    }

    /// <summary>For a page whose own first query already read the user's row (the contact list): saves the layout a statement.</summary>
    public void Remember(NavigationFlags read) => flags = read;

    /// <summary>The vault of the current address, if any, for the vault's own links (no query: the route says it).</summary>
    public Guid? CurrentVaultId() =>
        Guid.TryParse(http.HttpContext?.GetRouteValue("vaultId") as string, out var vaultId) ? vaultId : null;
}
