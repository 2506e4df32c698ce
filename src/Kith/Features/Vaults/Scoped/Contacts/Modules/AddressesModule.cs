using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Addresses;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed record AddressRow(Guid Id, Guid? TypeId, string? TypeName, string? Line1, string? Line2, string? City, string? Province, string? PostalCode, string? Country, bool IsPast, int SharedWith)
{
    public string Text => AddressText.OneLine(Line1, Line2, City, Province, PostalCode, Country);
}

public sealed record AddressesView(Guid VaultId, Guid ContactId, bool CanEdit, MapProvider MapProvider, IReadOnlyList<AddressRow> Rows)
{
    public string MapHref(AddressRow row) => AddressText.MapHref(MapProvider, row.Text);
}

public sealed class AddressesModule(AppDbContext db) : IContactModule
{
    public ContactTab Tab => ContactTab.About;
    public int Order => 30;
    public string PartialName => "Modules/_Addresses";

    public async Task<object> LoadAsync(ContactPageContext context, CancellationToken ct)
    {
        var rows = await AddressQueries.RowsAsync(db, context.ContactId, ct);
        return new AddressesView(context.Scope.VaultId, context.ContactId, context.Scope.CanEdit, context.MapProvider, rows);
    }
}

public static class AddressQueries
{
    /// <summary>One query: the contact's addresses, current ones first, with their type and how many other contacts share them.</summary>
    public static Task<List<AddressRow>> RowsAsync(AppDbContext db, Guid contactId, CancellationToken ct) =>
        (from ca in db.ContactAddresses
         join a in db.Addresses on ca.AddressId equals a.Id
         where ca.ContactId == contactId
         orderby ca.IsPast, a.City, a.Line1, a.Id
         select new AddressRow(a.Id, a.TypeId, db.PersonalizationItems.Where(i => i.Id == a.TypeId).Select(i => i.Name).FirstOrDefault(),
             a.Line1, a.Line2, a.City, a.Province, a.PostalCode, a.Country, ca.IsPast,
             db.ContactAddresses.Count(o => o.AddressId == a.Id && o.ContactId != contactId))).ToListAsync(ct);
}
