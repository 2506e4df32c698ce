using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed record ContactInformationRow(Guid Id, string TypeName, LinkScheme Scheme, ContactInformationKind Kind, string Value, bool IsPreferred)
{
    public string? Href => SafeLinks.Href(Scheme, Value);
}

public sealed record ContactInformationView(Guid VaultId, Guid ContactId, bool CanEdit, IReadOnlyList<ContactInformationRow> Rows);

public sealed class ContactInformationModule(AppDbContext db) : IContactModule
{
    public ContactTab Tab => ContactTab.About;
    public int Order => 20;
    public string PartialName => "Modules/_ContactInformation";

    public async Task<object> LoadAsync(ContactPageContext context, CancellationToken ct)
    {
        var contactId = context.ContactId;
        var rows = await (from i in db.ContactInformation
                          join t in db.PersonalizationItems on i.TypeId equals t.Id
                          where i.ContactId == contactId
                          orderby t.Position, t.Name, i.IsPreferred descending, i.Value
                          select new ContactInformationRow(i.Id, t.Name, t.Scheme, i.Kind, i.Value, i.IsPreferred)).ToListAsync(ct);
        return new ContactInformationView(context.Scope.VaultId, contactId, context.Scope.CanEdit, rows);
    }
}
