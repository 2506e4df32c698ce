using Kith.Data;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Connections;

/// <summary>Groups of a vault and their members. Types are the account's group types; roles must be of the group's type.</summary>
public sealed class WriteGroup(AppDbContext db, TimeProvider clock)
{
    public async Task<ConnectionChange> CreateAsync(VaultScope scope, string name, Guid? typeId, CancellationToken ct)
    {
        if (typeId is { } id && !await ItemOfAccount(scope, id, PersonalizationKind.GroupType, null).AnyAsync(ct))
            return ConnectionChange.Refuse("Choose a group type of your account.");
        var group = Group.Create(scope.VaultId, name.Trim(), typeId);
        db.Groups.Add(group);
        await db.SaveChangesAsync(ct);
        return ConnectionChange.Done(group.Id);
    }

    public async Task<ConnectionChange> RenameAsync(VaultScope scope, Guid groupId, string name, CancellationToken ct)
    {
        var group = await GroupAsync(scope, groupId, ct);
        if (group is null) return ConnectionChange.NotFound;
        group.Name = name.Trim();
        await db.SaveChangesAsync(ct);
        return ConnectionChange.Done(group.Id);
    }

    public async Task<ConnectionChange> DeleteAsync(VaultScope scope, Guid groupId, CancellationToken ct)
    {
        var group = await GroupAsync(scope, groupId, ct);
        if (group is null) return ConnectionChange.NotFound;
        var members = await db.Contacts.InScope(scope).Where(c => db.GroupMembers.Any(m => m.GroupId == groupId && m.ContactId == c.Id)).ToListAsync(ct);
        foreach (var contact in members) Record(scope, contact, FeedActions.GroupLeft, group.Name);
        db.Groups.Remove(group);
        await db.SaveChangesAsync(ct);
        return ConnectionChange.Done();
    }

    public async Task<ConnectionChange> AddMemberAsync(VaultScope scope, Guid groupId, Guid contactId, Guid? roleId, CancellationToken ct)
    {
        var group = await GroupAsync(scope, groupId, ct);
        if (group is null) return ConnectionChange.NotFound;
        var contact = await db.Contacts.InScope(scope).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return ConnectionChange.Refuse("Choose a contact of this vault.");
        if (!await RoleFitsAsync(scope, group, roleId, ct)) return ConnectionChange.Refuse("Choose a role of this group's type.");
        if (await db.GroupMembers.AnyAsync(m => m.GroupId == groupId && m.ContactId == contactId, ct))
            return ConnectionChange.Refuse("This contact is already a member of the group.");
        db.GroupMembers.Add(GroupMember.Create(groupId, contactId, roleId));
        Record(scope, contact, FeedActions.GroupJoined, group.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ConnectionChange.Refuse("This contact is already a member of the group.");
        }
        return ConnectionChange.Done(group.Id);
    }

    public async Task<ConnectionChange> ChangeRoleAsync(VaultScope scope, Guid groupId, Guid contactId, Guid? roleId, CancellationToken ct)
    {
        var group = await GroupAsync(scope, groupId, ct);
        if (group is null) return ConnectionChange.NotFound;
        var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == groupId && m.ContactId == contactId, ct);
        var contact = await db.Contacts.InScope(scope).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (member is null || contact is null) return ConnectionChange.NotFound;
        if (!await RoleFitsAsync(scope, group, roleId, ct)) return ConnectionChange.Refuse("Choose a role of this group's type.");
        member.RoleId = roleId;
        Record(scope, contact, FeedActions.GroupJoined, group.Name);
        await db.SaveChangesAsync(ct);
        return ConnectionChange.Done(group.Id);
    }

    public async Task<ConnectionChange> RemoveMemberAsync(VaultScope scope, Guid groupId, Guid contactId, CancellationToken ct)
    {
        var group = await GroupAsync(scope, groupId, ct);
        if (group is null) return ConnectionChange.NotFound;
        var member = await db.GroupMembers.SingleOrDefaultAsync(m => m.GroupId == groupId && m.ContactId == contactId, ct);
        var contact = await db.Contacts.InScope(scope).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (member is null || contact is null) return ConnectionChange.NotFound;
        db.GroupMembers.Remove(member);
        Record(scope, contact, FeedActions.GroupLeft, group.Name);
        await db.SaveChangesAsync(ct);
        return ConnectionChange.Done(group.Id);
    }

    private Task<Group?> GroupAsync(VaultScope scope, Guid groupId, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        return db.Groups.Where(g => g.Id == groupId && g.VaultId == vaultId).SingleOrDefaultAsync(ct);
    }

    private async Task<bool> RoleFitsAsync(VaultScope scope, Group group, Guid? roleId, CancellationToken ct) =>
        roleId is not { } id || (group.TypeId is { } typeId && await ItemOfAccount(scope, id, PersonalizationKind.GroupRole, typeId).AnyAsync(ct));

    private IQueryable<PersonalizationItem> ItemOfAccount(VaultScope scope, Guid id, PersonalizationKind kind, Guid? parentId)
    {
        var vaultId = scope.VaultId;
        return db.PersonalizationItems.Where(i => i.Id == id && i.Kind == kind && i.ParentId == parentId
            && i.AccountId == db.Vaults.Where(v => v.Id == vaultId).Select(v => v.AccountId).FirstOrDefault());
    }

    private void Record(VaultScope scope, Contact contact, string action, string groupName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        contact.Touch(now);
        db.FeedEntries.Add(FeedEntry.Record(scope.VaultId, contact.Id, scope.UserId, now, action, groupName));
    }
}
