using Kith.Data;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts;

public sealed record ContactHit(Guid Id, string FirstName, string? MiddleName, string? LastName, string? Nickname, bool IsArchived, string? AvatarFile)
{
    public string DisplayName(string nameOrder) => ContactNames.Display(nameOrder, FirstName, LastName, Nickname, MiddleName);
}

/// <summary>
/// Finds contacts of the current vault by the start of any word they are indexed by (<see cref="ContactSearchTerm"/>).
/// One statement: the most selective word seeks a bounded range of the term index, the other words must match too.
/// Cost depends on the limit, not on the size of the vault.
/// </summary>
public sealed class ContactSearch(AppDbContext db)
{
    public const int DefaultLimit = 20;

    public async Task<IReadOnlyList<ContactHit>> FindAsync(VaultScope scope, string? query, bool includeArchived, int limit, CancellationToken ct)
    {
        var words = ContactSearchIndex.QueryWords(query);
        if (words.Count == 0) return [];
        limit = Math.Clamp(limit, 1, 100);
        var vaultId = scope.VaultId;
        // The longest word is usually the rarest: let it drive the index seek.
        var driver = words.OrderByDescending(w => w.Length).First();
        var driverEnd = ContactSearchIndex.UpperBound(driver);
        var candidates = db.ContactSearchTerms
            .Where(t => t.VaultId == vaultId && t.Term.CompareTo(driver) >= 0 && t.Term.CompareTo(driverEnd) < 0)
            .OrderBy(t => t.Term).ThenBy(t => t.ContactId)
            .Select(t => t.ContactId)
            .Take(limit * 4);

        var contacts = db.Contacts.InScope(scope).Where(c => candidates.Contains(c.Id));
        if (!includeArchived) contacts = contacts.Where(c => !c.IsArchived);
        foreach (var word in words.Where(w => w != driver))
        {
            var end = ContactSearchIndex.UpperBound(word);
            contacts = contacts.Where(c => db.ContactSearchTerms.Any(t =>
                t.ContactId == c.Id && t.VaultId == vaultId && t.Term.CompareTo(word) >= 0 && t.Term.CompareTo(end) < 0));
        }
        return await contacts
            .OrderBy(c => c.SortByFirst).ThenBy(c => c.Id)
            .Take(limit)
            .Select(c => new ContactHit(c.Id, c.FirstName, c.MiddleName, c.LastName, c.Nickname, c.IsArchived, c.AvatarFile))
            .ToListAsync(ct);
    }
}
