using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts;

public static class ContactQueries
{
    /// <summary>
    /// Every contact query starts here: contacts of the vault the choke point resolved, not in the bin.
    /// A page outside /vaults/{vaultId} has no resolved scope and gets an exception, not someone else's contacts.
    /// </summary>
    public static IQueryable<Contact> InScope(this DbSet<Contact> contacts, VaultScope scope) =>
        contacts.InScopeIncludingDeleted(scope).Where(c => c.DeletedAt == null);

    /// <summary>For the bin (restore) only.</summary>
    public static IQueryable<Contact> InScopeIncludingDeleted(this DbSet<Contact> contacts, VaultScope scope)
    {
        if (scope.Access is null) throw new InvalidOperationException("Contact queries need a vault scope resolved by the authorization choke point.");
        var vaultId = scope.VaultId;
        return contacts.Where(c => c.VaultId == vaultId);
    }
}
