using Kith.Data;
using Kith.Features.Personalization;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Groups;

public sealed record GroupOption(Guid Id, string Name);

public sealed record RoleOption(Guid Id, string Name, Guid TypeId, string TypeName);

/// <summary>The account's group types and their roles, for the selects of the group forms.</summary>
public static class GroupOptions
{
    public static Task<List<GroupOption>> TypesAsync(AppDbContext db, VaultScope scope, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        return db.PersonalizationItems
            .Where(i => i.Kind == PersonalizationKind.GroupType && i.AccountId == db.Vaults.Where(v => v.Id == vaultId).Select(v => v.AccountId).FirstOrDefault())
            .OrderBy(i => i.Position).ThenBy(i => i.Name).Select(i => new GroupOption(i.Id, i.Name)).ToListAsync(ct);
    }

    /// <summary>Roles of one type, or of every type of the account when <paramref name="typeId"/> is null.</summary>
    public static Task<List<RoleOption>> RolesAsync(AppDbContext db, VaultScope scope, Guid? typeId, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        return (
            from role in db.PersonalizationItems
            where role.Kind == PersonalizationKind.GroupRole && (typeId == null || role.ParentId == typeId)
            join type in db.PersonalizationItems on role.ParentId equals type.Id
            where type.AccountId == db.Vaults.Where(v => v.Id == vaultId).Select(v => v.AccountId).FirstOrDefault()
            orderby type.Position, type.Name, role.Position, role.Name
            select new RoleOption(role.Id, role.Name, type.Id, type.Name)).ToListAsync(ct);
    }
}
