using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Groups;

public sealed record GroupMemberRow(Guid ContactId, string Name, Guid? RoleId, string? Role);

public sealed record GroupView(Guid Id, string Name, Guid? TypeId, string? TypeName, IReadOnlyList<GroupMemberRow> Members, IReadOnlyList<RoleOption> Roles)
{
    public const int MemberLimit = 500;

    /// <summary>The group with its members (contacts in the bin left out) and the roles its type offers; null when not in the vault.</summary>
    public static async Task<GroupView?> LoadAsync(AppDbContext db, VaultScope scope, Guid groupId, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        var userId = scope.UserId;
        var group = await db.Groups.Where(g => g.Id == groupId && g.VaultId == vaultId)
            .Select(g => new
            {
                g.Id,
                g.Name,
                g.TypeId,
                TypeName = db.PersonalizationItems.Where(i => i.Id == g.TypeId).Select(i => i.Name).FirstOrDefault(),
                NameOrder = db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (group is null) return null;
        var nameOrder = group.NameOrder ?? ContactNames.FirstLast;
        var members = await (
            from m in db.GroupMembers
            where m.GroupId == groupId
            join c in db.Contacts.InScope(scope) on m.ContactId equals c.Id
            orderby c.SortByFirst, c.Id
            select new { c.Id, c.FirstName, c.LastName, c.Nickname, m.RoleId, Role = db.PersonalizationItems.Where(i => i.Id == m.RoleId).Select(i => i.Name).FirstOrDefault() })
            .Take(MemberLimit).ToListAsync(ct);
        var roles = group.TypeId is { } typeId ? await GroupOptions.RolesAsync(db, scope, typeId, ct) : [];
        return new GroupView(group.Id, group.Name, group.TypeId, group.TypeName,
            members.Select(m => new GroupMemberRow(m.Id, ContactNames.Display(nameOrder, m.FirstName, m.LastName, m.Nickname), m.RoleId, m.Role)).ToList(),
            roles);
    }
}
