using System.Security.Claims;
using Kith.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults;

/// <summary>Policies for every vault-scoped page and endpoint (<c>/vaults/{vaultId}/…</c>).</summary>
public static class VaultPolicy
{
    public const string View = "vault:view";
    public const string Edit = "vault:edit";
    public const string Manage = "vault:manage";
}

public sealed record VaultAccessRequirement(VaultAccessLevel Minimum) : IAuthorizationRequirement;

/// <summary>Why a vault check failed: a non-member must not learn the vault exists (404); a member lacks the level (403).</summary>
public sealed class VaultAccessFailure(IAuthorizationHandler handler, bool isMember)
    : AuthorizationFailureReason(handler, isMember ? "Insufficient vault access." : "Not a member of this vault.")
{
    public bool IsMember { get; } = isMember;
}

/// <summary>
/// The choke point: the only code that decides whether the caller may touch a vault. It resolves the
/// caller's access once per request into <see cref="VaultScope"/>, which pages then query from.
/// </summary>
public sealed class VaultAccessHandler(VaultScope scope) : AuthorizationHandler<VaultAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, VaultAccessRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var level = http is null ? null : await scope.ResolveAsync(http, context.User);
        if (level is null)
            context.Fail(new VaultAccessFailure(this, isMember: false));
        else if (level < requirement.Minimum)
            context.Fail(new VaultAccessFailure(this, isMember: true));
        else
            context.Succeed(requirement);
    }
}

/// <summary>The vault of the current request and the caller's access to it, resolved once.</summary>
public sealed class VaultScope(AppDbContext db)
{
    private bool resolved;

    public Guid VaultId { get; private set; }
    public Guid UserId { get; private set; }
    public VaultAccessLevel? Access { get; private set; }

    public bool CanEdit => Access >= VaultAccessLevel.Editor;
    public bool CanManage => Access == VaultAccessLevel.Manager;

    public async Task<VaultAccessLevel?> ResolveAsync(HttpContext http, ClaimsPrincipal user)
    {
        if (resolved) return Access;
        resolved = true;
        if (!Guid.TryParse(http.GetRouteValue("vaultId") as string, out var vaultId)) return null;
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
        VaultId = vaultId;
        UserId = userId;
        Access = await db.VaultMembers.AsNoTracking()
            .Where(m => m.VaultId == vaultId && m.UserId == userId)
            .Select(m => (VaultAccessLevel?)m.Access)
            .SingleOrDefaultAsync(http.RequestAborted);
        return Access;
    }
}

public static class VaultQueries
{
    /// <summary>Every vault query starts here: only the vault the choke point resolved for this request.</summary>
    public static IQueryable<Vault> Current(this DbSet<Vault> vaults, VaultScope scope) =>
        vaults.Where(v => v.Id == scope.VaultId && v.Members.Any(m => m.UserId == scope.UserId));
}
