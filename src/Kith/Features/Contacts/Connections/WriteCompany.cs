using Kith.Data;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Connections;

/// <summary>Companies of a vault. Renaming refreshes the search terms of its people (inside SaveChanges).</summary>
public sealed class WriteCompany(AppDbContext db, TimeProvider clock)
{
    public async Task<ConnectionChange> CreateAsync(VaultScope scope, string name, CancellationToken ct)
    {
        var company = Company.Create(scope.VaultId, name.Trim());
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        return ConnectionChange.Done(company.Id);
    }

    public async Task<ConnectionChange> RenameAsync(VaultScope scope, Guid companyId, string name, CancellationToken ct)
    {
        var company = await CompanyAsync(scope, companyId, ct);
        if (company is null) return ConnectionChange.NotFound;
        company.Name = name.Trim();
        await db.SaveChangesAsync(ct);
        return ConnectionChange.Done(company.Id);
    }

    /// <summary>Its people stay, without a company; each is touched and gets a feed entry.</summary>
    public async Task<ConnectionChange> DeleteAsync(VaultScope scope, Guid companyId, CancellationToken ct)
    {
        var company = await CompanyAsync(scope, companyId, ct);
        if (company is null) return ConnectionChange.NotFound;
        var now = clock.GetUtcNow().UtcDateTime;
        var vaultId = scope.VaultId;
        // Including contacts in the bin: the foreign key would clear them anyway, but their search terms must follow.
        var people = await db.Contacts.InScopeIncludingDeleted(scope).Where(c => c.CompanyId == companyId).ToListAsync(ct);
        foreach (var contact in people)
        {
            contact.CompanyId = null;
            contact.Touch(now);
            db.FeedEntries.Add(FeedEntry.Record(vaultId, contact.Id, scope.UserId, now, FeedActions.ContactUpdated, $"Company ({company.Name}) removed"));
        }
        db.Companies.Remove(company);
        await db.SaveChangesAsync(ct);
        return ConnectionChange.Done();
    }

    private Task<Company?> CompanyAsync(VaultScope scope, Guid companyId, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        return db.Companies.Where(c => c.Id == companyId && c.VaultId == vaultId).SingleOrDefaultAsync(ct);
    }
}
