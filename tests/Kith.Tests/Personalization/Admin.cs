using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Personalization;

/// <summary>An account owner signed in, with their account and first vault, for the personalization tests.</summary>
public sealed record Admin(TestUser User, Guid AccountId, Guid VaultId, KithClient Client) : IDisposable
{
    public static async Task<Admin> CreateAsync(KithFactory factory)
    {
        var user = await TestUsers.CreateAsync(factory);
        var account = await factory.AccountOfAsync(user);
        return new Admin(user, account, await factory.FirstVaultAsync(account), await TestUsers.SignedInClientAsync(factory, user));
    }

    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, string? formPage = null) =>
        Client.PostFormAsync(path, fields, formPage ?? path.Split('?')[0]);

    public void Dispose() => Client.Dispose();
}

public static class PersonalizationData
{
    public static Task<PersonalizationItem?> ItemAsync(this KithFactory factory, Guid id) =>
        factory.QueryAsync(db => db.PersonalizationItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id));

    public static Task<Guid> ItemIdAsync(this KithFactory factory, Guid accountId, PersonalizationKind kind, string name) =>
        factory.QueryAsync(db => db.PersonalizationItems.Where(i => i.AccountId == accountId && i.Kind == kind && i.Name == name).Select(i => i.Id).SingleAsync());

    public static Task<List<string>> NamesAsync(this KithFactory factory, Guid accountId, PersonalizationKind kind, Guid? parentId = null) =>
        factory.QueryAsync(db => db.PersonalizationItems.Where(i => i.AccountId == accountId && i.Kind == kind && i.ParentId == parentId)
            .OrderBy(i => i.Position).ThenBy(i => i.Name).Select(i => i.Name).ToListAsync());

    public static Task<int> Save<T>(this KithFactory factory, params T[] rows) where T : class =>
        factory.QueryAsync(db =>
        {
            db.AddRange(rows);
            return db.SaveChangesAsync();
        });
}
