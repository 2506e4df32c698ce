using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Connections;

/// <summary>One relationship as seen from the contact whose page is open: "Other — name".</summary>
public sealed record RelationshipRow(Guid Id, Guid OtherId, string OtherName, string TypeName);

public sealed record RelationshipsView(Guid VaultId, Guid ContactId, bool CanEdit, IReadOnlyList<RelationshipRow> Rows);

/// <summary>
/// Relationships from both sides in one query. A row (ContactId = A, RelatedContactId = B, type parent) means
/// "B is A's parent": A's page reads "B — parent", B's page reads "A — child" (the type's reverse name).
/// </summary>
public sealed class RelationshipsModule(AppDbContext db) : IContactModule
{
    public ContactTab Tab => ContactTab.Connections;
    public int Order => 10;
    public string PartialName => "Modules/_Relationships";

    public async Task<object> LoadAsync(ContactPageContext context, CancellationToken ct)
    {
        var id = context.ContactId;
        var rows = await (
            from r in db.Relationships
            where r.VaultId == context.Scope.VaultId && (r.ContactId == id || r.RelatedContactId == id)
            join other in db.Contacts.InScope(context.Scope) on (r.ContactId == id ? r.RelatedContactId : r.ContactId) equals other.Id
            join type in db.PersonalizationItems on r.TypeId equals type.Id
            orderby r.Id
            select new { r.Id, Forward = r.ContactId == id, other.FirstName, other.LastName, other.Nickname, OtherId = other.Id, type.Name, type.ReverseName })
            .Take(500).ToListAsync(ct);
        var view = rows
            .Select(r => new RelationshipRow(r.Id, r.OtherId, ContactNames.Display(context.NameOrder, r.FirstName, r.LastName, r.Nickname),
                r.Forward ? r.Name : r.ReverseName ?? r.Name))
            .OrderBy(r => r.TypeName, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.OtherName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new RelationshipsView(context.Scope.VaultId, id, context.Scope.CanEdit, view);
    }
}
