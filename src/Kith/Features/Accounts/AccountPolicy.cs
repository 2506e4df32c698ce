using System.Security.Claims;
using Kith.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Accounts;

public static class AccountPolicy
{
    /// <summary>Account settings: users, invitations, the account's security log.</summary>
    public const string Administer = "account:administer";
}

public sealed record AccountAdministratorRequirement : IAuthorizationRequirement;

/// <summary>Reads the role from the database on every request, so a demotion takes effect at once.</summary>
public sealed class AccountAdministratorHandler(AppDbContext db) : AuthorizationHandler<AccountAdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AccountAdministratorRequirement requirement)
    {
        if (!Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return;
        var isAdministrator = await db.Users.AnyAsync(u => u.Id == userId && u.DeactivatedAt == null
            && (u.Role == AccountRole.Administrator || u.Role == AccountRole.Owner));
        if (isAdministrator) context.Succeed(requirement);
    }
}
