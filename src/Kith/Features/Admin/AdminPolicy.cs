using System.Security.Claims;
using Kith.Data;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Admin;

/// <summary>The policy of every page under /Admin (a folder convention in KithHost, so no page can forget it).</summary>
public static class AdminPolicy
{
    public const string Instance = "admin:instance";
}

/// <summary>Only the instance administrator; anyone else signed in is answered 404 (see <see cref="IHiddenResourceRequirement"/>).</summary>
public sealed class InstanceAdministratorRequirement : IHiddenResourceRequirement;

/// <summary>
/// Reads the flag from the database on every request rather than from a claim in the session, so taking
/// the role away takes effect at once.
/// </summary>
public sealed class InstanceAdministratorHandler(AppDbContext db) : AuthorizationHandler<InstanceAdministratorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, InstanceAdministratorRequirement requirement)
    {
        var isAdministrator = Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.IsInstanceAdministrator);
        if (isAdministrator) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, "Not the instance administrator."));
    }
}
