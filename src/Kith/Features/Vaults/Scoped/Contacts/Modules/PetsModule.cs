using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed record PetRow(Guid Id, string Category, string Name);

public sealed record PetsView(Guid VaultId, Guid ContactId, bool CanEdit, IReadOnlyList<PetRow> Rows);

public sealed class PetsModule(AppDbContext db) : IContactModule
{
    public ContactTab Tab => ContactTab.About;
    public int Order => 40;
    public string PartialName => "Modules/_Pets";

    public async Task<object> LoadAsync(ContactPageContext context, CancellationToken ct)
    {
        var contactId = context.ContactId;
        var rows = await (from p in db.Pets
                          join c in db.PersonalizationItems on p.CategoryId equals c.Id
                          where p.ContactId == contactId
                          orderby c.Position, p.Name
                          select new PetRow(p.Id, c.Name, p.Name)).ToListAsync(ct);
        return new PetsView(context.Scope.VaultId, contactId, context.Scope.CanEdit, rows);
    }
}
