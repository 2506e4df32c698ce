using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Connections;

public sealed record ContactGroupRow(Guid GroupId, string Name, string? Role);

public sealed record ContactGroupsView(Guid VaultId, Guid ContactId, bool CanEdit, IReadOnlyList<ContactGroupRow> Rows);

/// <summary>The groups a contact belongs to, with their role, in one query.</summary>
public sealed class ContactGroupsModule(AppDbContext db) : IContactModule
{
    public ContactTab Tab => ContactTab.Connections;
    public int Order => 20;
    public string PartialName => "Modules/_ContactGroups";

    public async Task<object> LoadAsync(ContactPageContext context, CancellationToken ct)
    {
        var id = context.ContactId;
        var rows = await (
            from m in db.GroupMembers
            where m.ContactId == id
            join g in db.Groups on m.GroupId equals g.Id
            where g.VaultId == context.Scope.VaultId
            orderby g.Name
            select new ContactGroupRow(g.Id, g.Name, db.PersonalizationItems.Where(i => i.Id == m.RoleId).Select(i => i.Name).FirstOrDefault()))
            .Take(500).ToListAsync(ct);
        return new ContactGroupsView(context.Scope.VaultId, id, context.Scope.CanEdit, rows);
    }
}
