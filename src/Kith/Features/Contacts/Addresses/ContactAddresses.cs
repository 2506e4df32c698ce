using Kith.Data;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Addresses;

public sealed record AddressFields(Guid? TypeId, string? Line1, string? Line2, string? City, string? Province, string? PostalCode, string? Country)
{
    public string OneLine => AddressText.OneLine(Line1, Line2, City, Province, PostalCode, Country);
}

public sealed record AddressMatch(Guid Id, string Text);

/// <summary>
/// A contact's addresses. An address belongs to the vault and may be shared by several of its contacts (a household):
/// editing it changes it for all of them, and detaching it from its last contact deletes it.
/// </summary>
public sealed class ContactAddresses(AppDbContext db, VaultScope scope, ContactEdits edits)
{
    public const int SearchLimit = 10;
    public const int SearchMinLength = 2;
    public const int SearchMaxLength = 100;

    public async Task AddAsync(Contact contact, AddressFields fields, bool isPast, CancellationToken ct)
    {
        var address = Address.Create(scope.VaultId);
        Apply(address, fields);
        db.Addresses.Add(address);
        db.ContactAddresses.Add(ContactAddress.Create(contact.Id, address.Id, isPast));
        await edits.SaveAsync(contact, FeedActions.AddressAdded, fields.OneLine, ct);
    }

    /// <summary>The contact's link to one of the vault's addresses, tracked; null when either is missing.</summary>
    public Task<ContactAddress?> LinkAsync(Guid contactId, Guid addressId, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        return db.ContactAddresses
            .Where(ca => ca.ContactId == contactId && ca.AddressId == addressId && db.Addresses.Any(a => a.Id == addressId && a.VaultId == vaultId))
            .SingleOrDefaultAsync(ct);
    }

    public async Task UpdateAsync(Contact contact, ContactAddress link, AddressFields fields, bool isPast, CancellationToken ct)
    {
        var address = await db.Addresses.SingleAsync(a => a.Id == link.AddressId, ct);
        Apply(address, fields);
        link.IsPast = isPast;
        await edits.SaveAsync(contact, FeedActions.AddressUpdated, fields.OneLine, ct);
    }

    /// <summary>Attaches another contact's address of the same vault; false when it is not the vault's.</summary>
    public async Task<bool> AttachAsync(Contact contact, Guid addressId, bool isPast, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        var address = await db.Addresses.AsNoTracking().SingleOrDefaultAsync(a => a.Id == addressId && a.VaultId == vaultId, ct);
        if (address is null) return false;
        if (await db.ContactAddresses.AnyAsync(ca => ca.ContactId == contact.Id && ca.AddressId == addressId, ct)) return true;
        db.ContactAddresses.Add(ContactAddress.Create(contact.Id, addressId, isPast));
        await edits.SaveAsync(contact, FeedActions.AddressAdded, Fields(address).OneLine, ct);
        return true;
    }

    /// <summary>Detaches the address; when no other contact (not even one in the bin) uses it, it is deleted.</summary>
    public async Task DetachAsync(Contact contact, ContactAddress link, CancellationToken ct)
    {
        var address = await db.Addresses.SingleAsync(a => a.Id == link.AddressId, ct);
        db.ContactAddresses.Remove(link);
        if (!await db.ContactAddresses.AnyAsync(ca => ca.AddressId == address.Id && ca.ContactId != contact.Id, ct))
            db.Addresses.Remove(address);
        await edits.SaveAsync(contact, FeedActions.AddressRemoved, Fields(address).OneLine, ct);
    }

    /// <summary>The vault's addresses matching a term that the contact does not have yet, at most <see cref="SearchLimit"/>.</summary>
    public async Task<IReadOnlyList<AddressMatch>> SearchAsync(Guid contactId, string term, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        var t = term.Trim().ToLowerInvariant();
        // ToLower/Contains run as SQL lower() and a substring test on both providers, not in .NET.
#pragma warning disable CA1304, CA1311, CA1862
        var found = await db.Addresses.AsNoTracking()
            .Where(a => a.VaultId == vaultId && !db.ContactAddresses.Any(ca => ca.AddressId == a.Id && ca.ContactId == contactId))
            .Where(a => (a.Line1 != null && a.Line1.ToLower().Contains(t)) || (a.Line2 != null && a.Line2.ToLower().Contains(t))
                || (a.City != null && a.City.ToLower().Contains(t)) || (a.Province != null && a.Province.ToLower().Contains(t))
                || (a.PostalCode != null && a.PostalCode.ToLower().Contains(t)) || (a.Country != null && a.Country.ToLower().Contains(t)))
            .OrderBy(a => a.City).ThenBy(a => a.Line1).ThenBy(a => a.Id)
            .Take(SearchLimit)
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        return found.Select(a => new AddressMatch(a.Id, Fields(a).OneLine)).ToList();
    }

    private static AddressFields Fields(Address a) => new(a.TypeId, a.Line1, a.Line2, a.City, a.Province, a.PostalCode, a.Country);

    private static void Apply(Address address, AddressFields fields)
    {
        address.TypeId = fields.TypeId;
        address.Line1 = fields.Line1;
        address.Line2 = fields.Line2;
        address.City = fields.City;
        address.Province = fields.Province;
        address.PostalCode = fields.PostalCode;
        address.Country = fields.Country;
    }
}
