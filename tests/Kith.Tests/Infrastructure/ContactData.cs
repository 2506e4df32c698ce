using Kith.Features.Contacts;
using Kith.Features.Personalization;

namespace Kith.Tests.Infrastructure;

/// <summary>Contacts and their lists written straight to the database, for tests of the pages that read them.</summary>
public static class ContactData
{
    public static Task<Guid> AddContactAsync(this KithFactory factory, Guid vaultId, string firstName, string? lastName = null, Action<Contact>? configure = null) =>
        factory.QueryAsync(async db =>
        {
            var contact = Contact.Create(vaultId, firstName, Guid.Empty, TimeProvider.System.GetUtcNow().UtcDateTime);
            contact.LastName = lastName;
            configure?.Invoke(contact);
            contact.Touch(contact.UpdatedAt);
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });

    /// <summary>Many contacts at once (statement-count and paging tests), named "{prefix} 00001"… so their order is known.</summary>
    public static Task AddContactsAsync(this KithFactory factory, Guid vaultId, int count, string prefix = "Person") =>
        factory.QueryAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            for (var start = 0; start < count; start += 1000)
            {
                for (var i = start; i < Math.Min(count, start + 1000); i++)
                {
                    var contact = Contact.Create(vaultId, prefix, Guid.Empty, now.AddSeconds(-i));
                    contact.LastName = (i + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                    contact.Touch(now.AddSeconds(-i));
                    db.Contacts.Add(contact);
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            return count;
        });

    public static Task<Guid> AddItemAsync(this KithFactory factory, Guid accountId, PersonalizationKind kind, string name,
        string? reverseName = null, LinkScheme scheme = LinkScheme.None, Guid? parentId = null) =>
        factory.QueryAsync(async db =>
        {
            var item = PersonalizationItem.Create(accountId, kind, name, position: 1000, reverseName, scheme, parentId);
            db.PersonalizationItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });

    public static Task<Guid> AccountOfVaultAsync(this KithFactory factory, Guid vaultId) =>
        factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Vaults.Where(v => v.Id == vaultId).Select(v => v.AccountId)));

    public static Task<Guid> AddDateTypeAsync(this KithFactory factory, Guid vaultId, string name, ImportantDateKind kind = ImportantDateKind.Custom, int position = 10) =>
        factory.QueryAsync(async db =>
        {
            var type = ImportantDateType.Create(vaultId, name, kind, position);
            db.ImportantDateTypes.Add(type);
            await db.SaveChangesAsync();
            return type.Id;
        });

    /// <summary>Any module row (an important date, a pet…) written as is, bypassing the forms' validation.</summary>
    public static Task<Guid> AddRowAsync<T>(this KithFactory factory, T row, Func<T, Guid> id) where T : class =>
        factory.QueryAsync(async db =>
        {
            db.Add(row);
            await db.SaveChangesAsync();
            return id(row);
        });
}
