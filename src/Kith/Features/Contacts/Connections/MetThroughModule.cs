using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Connections;

public sealed record ContactLink(Guid Id, string Name);

public sealed record MetThroughView(Guid VaultId, ContactLink? MetThrough, IReadOnlyList<ContactLink> Introduced);

/// <summary>Who this contact was met through, and whom they introduced ("met through" them), in one query.</summary>
public sealed class MetThroughModule(AppDbContext db) : IContactModule
{
    public const int IntroducedLimit = 200;

    public ContactTab Tab => ContactTab.Connections;
    public int Order => 30;
    public string PartialName => "Modules/_MetThrough";

    public async Task<object> LoadAsync(ContactPageContext context, CancellationToken ct)
    {
        var id = context.ContactId;
        var metThroughId = db.Contacts.Where(c => c.Id == id).Select(c => c.MetThroughContactId);
        var rows = await db.Contacts.InScope(context.Scope)
            .Where(c => c.MetThroughContactId == id || metThroughId.Contains(c.Id))
            .OrderBy(c => c.SortByFirst).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Nickname, Introduced = c.MetThroughContactId == id, IsMetThrough = metThroughId.Contains(c.Id) })
            .Take(IntroducedLimit + 1).ToListAsync(ct);
        ContactLink Link(Guid contactId, string first, string? last, string? nickname) =>
            new(contactId, ContactNames.Display(context.NameOrder, first, last, nickname));
        var metThrough = rows.Where(r => r.IsMetThrough).Select(r => Link(r.Id, r.FirstName, r.LastName, r.Nickname)).FirstOrDefault();
        var introduced = rows.Where(r => r.Introduced).Select(r => Link(r.Id, r.FirstName, r.LastName, r.Nickname)).ToList();
        return new MetThroughView(context.Scope.VaultId, metThrough, introduced);
    }
}
