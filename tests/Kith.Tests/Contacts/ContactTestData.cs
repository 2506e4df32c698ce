using Kith.Features.Contacts;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Contacts;

/// <summary>Labels, groups and per-user state written straight to the database for the list tests.</summary>
internal static class ContactTestData
{
    public static Task<Guid> AddLabelAsync(this KithFactory factory, Guid vaultId, string name, IEnumerable<Guid> contactIds) =>
        factory.QueryAsync(async db =>
        {
            var label = Label.Create(vaultId, name, "blue");
            db.Labels.Add(label);
            foreach (var id in contactIds) db.ContactLabels.Add(ContactLabel.Create(id, label.Id));
            await db.SaveChangesAsync();
            return label.Id;
        });

    public static Task<Guid> AddGroupAsync(this KithFactory factory, Guid vaultId, string name, IEnumerable<Guid> contactIds) =>
        factory.QueryAsync(async db =>
        {
            var group = Group.Create(vaultId, name, null);
            db.Groups.Add(group);
            foreach (var id in contactIds) db.GroupMembers.Add(GroupMember.Create(group.Id, id, null));
            await db.SaveChangesAsync();
            return group.Id;
        });

    public static Task<int> SetStateAsync(this KithFactory factory, Guid userId, Guid vaultId, Guid contactId, int views, bool favorite = false) =>
        factory.QueryAsync(async db =>
        {
            var state = await db.ContactUserStates.SingleOrDefaultAsync(s => s.UserId == userId && s.ContactId == contactId);
            if (state is null) db.ContactUserStates.Add(state = ContactUserState.Create(userId, contactId, vaultId));
            state.ViewCount = views;
            state.IsFavorite = favorite;
            return await db.SaveChangesAsync();
        });

    public static Task<List<Guid>> ContactIdsAsync(this KithFactory factory, Guid vaultId) =>
        factory.QueryAsync(db => db.Contacts.Where(c => c.VaultId == vaultId).OrderBy(c => c.SortByFirst).Select(c => c.Id).ToListAsync());

    public static Task<Contact?> ContactAsync(this KithFactory factory, Guid contactId) =>
        factory.QueryAsync(db => db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId));
}
