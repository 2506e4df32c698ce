using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults;

public sealed record VaultInput
{
    [Required, StringLength(VaultLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line without control characters.")]
    public string Name { get; set; } = "";

    [StringLength(VaultLengths.Description)]
    public string? Description { get; set; }
}

public enum MemberChange
{
    Done,
    NotFound,
    NotInAccount,
    AlreadyMember,
    LastManager,
}

/// <summary>Every write to vaults and their members. Each method starts from the vault the choke point resolved.</summary>
public sealed class ManageVaults(AppDbContext db, SecurityLogWriter securityLog, TimeProvider clock)
{
    public async Task<Vault> CreateAsync(User user, VaultInput input, CancellationToken ct)
    {
        var vault = Vault.Create(user.AccountId, input.Name.Trim(), input.Description?.Trim() ?? "", user, clock.GetUtcNow().UtcDateTime);
        db.Vaults.Add(vault);
        VaultDefaults.Seed(db, vault.Id);
        securityLog.Add(SecurityEventTypes.VaultCreated, user, vault.Id.ToString());
        await db.SaveChangesAsync(ct);
        return vault;
    }

    public async Task<bool> DescribeAsync(VaultScope scope, VaultInput input, CancellationToken ct)
    {
        var vault = await db.Vaults.Current(scope).SingleOrDefaultAsync(ct);
        if (vault is null) return false;
        vault.Describe(input.Name.Trim(), input.Description?.Trim() ?? "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<MemberChange> AddMemberAsync(VaultScope scope, string email, VaultAccessLevel access, CancellationToken ct)
    {
        var vault = await db.Vaults.Current(scope).Include(v => v.Members).SingleOrDefaultAsync(ct);
        if (vault is null) return MemberChange.NotFound;
        var normalized = email.Trim().ToUpperInvariant();
        // Only users of the vault's own account can be added: a vault never crosses tenants.
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized && u.AccountId == vault.AccountId, ct);
        if (user is null) return MemberChange.NotInAccount;
        if (vault.Members.Any(m => m.UserId == user.Id)) return MemberChange.AlreadyMember;
        vault.Members.Add(VaultMember.Grant(vault.Id, user.Id, access, clock.GetUtcNow().UtcDateTime));
        securityLog.Add(SecurityEventTypes.VaultAccessChanged, scope.UserId, vault.AccountId, $"vault {vault.Id}: user {user.Id} added as {access}");
        await db.SaveChangesAsync(ct);
        return MemberChange.Done;
    }

    public async Task<MemberChange> ChangeAccessAsync(VaultScope scope, Guid userId, VaultAccessLevel? access, CancellationToken ct)
    {
        var vault = await db.Vaults.Current(scope).Include(v => v.Members).SingleOrDefaultAsync(ct);
        var member = vault?.Members.SingleOrDefault(m => m.UserId == userId);
        if (vault is null || member is null) return MemberChange.NotFound;
        var managersLeft = vault.Members.Count(m => m.Access == VaultAccessLevel.Manager && m.UserId != userId);
        if (access != VaultAccessLevel.Manager && member.Access == VaultAccessLevel.Manager && managersLeft == 0) return MemberChange.LastManager;
        if (access is null) vault.Members.Remove(member);
        else member.Access = access.Value;
        securityLog.Add(SecurityEventTypes.VaultAccessChanged, scope.UserId, vault.AccountId,
            $"vault {vault.Id}: user {userId} {(access is null ? "removed" : "now " + access)}");
        await db.SaveChangesAsync(ct);
        return MemberChange.Done;
    }

    public async Task<bool> DeleteAsync(VaultScope scope, string typedName, CancellationToken ct)
    {
        var vault = await db.Vaults.Current(scope).SingleOrDefaultAsync(ct);
        if (vault is null || !string.Equals(vault.Name, typedName.Trim(), StringComparison.Ordinal)) return false;
        db.Vaults.Remove(vault);
        securityLog.Add(SecurityEventTypes.VaultDeleted, scope.UserId, vault.AccountId, $"vault {vault.Id}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
