using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Accounts;

public enum UserChange
{
    Done,
    NotFound,
    NotAllowed,
}

/// <summary>
/// An administrator's changes to the users of their own account. The target is always looked up inside the
/// actor's account, so another tenant's user id is simply not found. Sessions end at once where access ends.
/// </summary>
public sealed class ManageUsers(AppDbContext db, SecurityLogWriter securityLog, TimeProvider clock)
{
    public async Task<UserChange> ChangeRoleAsync(User actor, Guid userId, AccountRole role, CancellationToken ct)
    {
        if (role == AccountRole.Owner) return UserChange.NotAllowed;
        var target = await TargetAsync(actor, userId, ct);
        if (target is null) return UserChange.NotFound;
        if (target.Role == AccountRole.Owner) return UserChange.NotAllowed;
        target.Role = role;
        securityLog.Add(SecurityEventTypes.RoleChanged, actor.Id, actor.AccountId, $"user {target.Id} is now {role}");
        await db.SaveChangesAsync(ct);
        return UserChange.Done;
    }

    public async Task<UserChange> SetActiveAsync(User actor, Guid userId, bool active, CancellationToken ct)
    {
        var target = await TargetAsync(actor, userId, ct);
        if (target is null) return UserChange.NotFound;
        if (target.Role == AccountRole.Owner || target.Id == actor.Id) return UserChange.NotAllowed;
        target.DeactivatedAt = active ? null : clock.GetUtcNow().UtcDateTime;
        if (!active) await db.RevokeAllAsync(target.Id, ct);
        securityLog.Add(active ? SecurityEventTypes.UserReactivated : SecurityEventTypes.UserDeactivated, actor.Id, actor.AccountId, $"user {target.Id}");
        await db.SaveChangesAsync(ct);
        return UserChange.Done;
    }

    public async Task<UserChange> RemoveAsync(User actor, Guid userId, CancellationToken ct)
    {
        var target = await TargetAsync(actor, userId, ct);
        if (target is null) return UserChange.NotFound;
        if (target.Role == AccountRole.Owner || target.Id == actor.Id) return UserChange.NotAllowed;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await HandOverSoleManagedVaultsAsync(actor.AccountId, target.Id, ct);
        db.Users.Remove(target);
        securityLog.Add(SecurityEventTypes.UserRemoved, actor.Id, actor.AccountId, $"user {target.Id}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return UserChange.Done;
    }

    public async Task<UserChange> TransferOwnershipAsync(User actor, Guid userId, CancellationToken ct)
    {
        if (actor.Role != AccountRole.Owner) return UserChange.NotAllowed;
        var target = await TargetAsync(actor, userId, ct);
        if (target is null) return UserChange.NotFound;
        if (target.Id == actor.Id || target.DeactivatedAt is not null) return UserChange.NotAllowed;
        var owner = await db.Users.SingleAsync(u => u.Id == actor.Id, ct);
        owner.Role = AccountRole.Administrator;
        target.Role = AccountRole.Owner;
        securityLog.Add(SecurityEventTypes.OwnershipTransferred, actor.Id, actor.AccountId, $"to user {target.Id}");
        await db.SaveChangesAsync(ct);
        return UserChange.Done;
    }

    private Task<User?> TargetAsync(User actor, Guid userId, CancellationToken ct) =>
        db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.AccountId == actor.AccountId, ct);

    /// <summary>A vault must keep a manager: where the removed user was the only one, the account owner takes over.</summary>
    private async Task HandOverSoleManagedVaultsAsync(Guid accountId, Guid leavingUserId, CancellationToken ct)
    {
        var ownerId = await db.Users.Where(u => u.AccountId == accountId && u.Role == AccountRole.Owner).Select(u => u.Id).SingleAsync(ct);
        var orphaned = await db.Vaults.Include(v => v.Members)
            .Where(v => v.AccountId == accountId
                && v.Members.Any(m => m.UserId == leavingUserId && m.Access == VaultAccessLevel.Manager)
                && !v.Members.Any(m => m.UserId != leavingUserId && m.Access == VaultAccessLevel.Manager))
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var vault in orphaned)
        {
            var ownerMembership = vault.Members.SingleOrDefault(m => m.UserId == ownerId);
            if (ownerMembership is null) vault.Members.Add(VaultMember.Grant(vault.Id, ownerId, VaultAccessLevel.Manager, now));
            else ownerMembership.Access = VaultAccessLevel.Manager;
        }
    }
}
