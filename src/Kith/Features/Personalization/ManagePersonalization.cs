using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Personalization;

public sealed record PersonalizationInput
{
    [Required, StringLength(PersonalizationLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line without control characters.")]
    public string Name { get; set; } = "";

    [StringLength(PersonalizationLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line without control characters.")]
    public string? ReverseName { get; set; }

    [EnumDataType(typeof(LinkScheme))]
    public LinkScheme Scheme { get; set; }
}

public enum ListChange
{
    Done,
    NotFound,
    ReplacementRequired,
    BadReplacement,
}

/// <summary>What replaces a deleted entry: another entry of the same kind, or nothing (<see cref="ItemId"/> null) for optional references.</summary>
public readonly record struct Replacement(Guid? ItemId);

/// <summary>Every write to an account's personalization lists. Each method takes the caller's account: another account's ids are not found.</summary>
public sealed class ManagePersonalization(AppDbContext db)
{
    public IQueryable<PersonalizationItem> Items(Guid accountId) => db.PersonalizationItems.Where(i => i.AccountId == accountId);

    public async Task<ListChange> AddAsync(Guid accountId, PersonalizationKindInfo kind, Guid? parentId, PersonalizationInput input, CancellationToken ct)
    {
        if (kind.IsRole != parentId.HasValue) return ListChange.NotFound;
        if (parentId is { } parent && !await Items(accountId).AnyAsync(i => i.Id == parent && i.Kind == PersonalizationKind.GroupType, ct)) return ListChange.NotFound;
        var siblings = Items(accountId).Where(i => i.Kind == kind.Kind && i.ParentId == parentId);
        var position = await siblings.AnyAsync(ct) ? await siblings.MaxAsync(i => i.Position, ct) + 1 : 0;
        var name = input.Name.Trim();
        db.PersonalizationItems.Add(PersonalizationItem.Create(accountId, kind.Kind, name, position,
            kind.HasReverseName ? ReverseOf(input, name) : null, kind.HasScheme ? input.Scheme : LinkScheme.None, parentId));
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    public async Task<ListChange> UpdateAsync(Guid accountId, Guid itemId, PersonalizationInput input, CancellationToken ct)
    {
        var item = await Items(accountId).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return ListChange.NotFound;
        var kind = PersonalizationKinds.Of(item.Kind);
        item.Name = input.Name.Trim();
        if (kind.HasReverseName) item.ReverseName = ReverseOf(input, item.Name);
        if (kind.HasScheme) item.Scheme = input.Scheme;
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    /// <summary>Swaps the entry with its neighbour; positions are renumbered first so gaps and ties left by older data do not matter.</summary>
    public async Task<ListChange> MoveAsync(Guid accountId, Guid itemId, bool up, CancellationToken ct)
    {
        var item = await Items(accountId).AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return ListChange.NotFound;
        var siblings = await Items(accountId).Where(i => i.Kind == item.Kind && i.ParentId == item.ParentId)
            .OrderBy(i => i.Position).ThenBy(i => i.Name).ToListAsync(ct);
        var index = siblings.FindIndex(i => i.Id == itemId);
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < siblings.Count) (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
        for (var i = 0; i < siblings.Count; i++) siblings[i].Position = i;
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    /// <summary>How many rows point at the entry (for a group type: its groups and the members holding one of its roles).</summary>
    public Task<int> UsesAsync(PersonalizationItem item, CancellationToken ct) => item.Kind switch
    {
        PersonalizationKind.Gender => db.Contacts.CountAsync(c => c.GenderId == item.Id, ct),
        PersonalizationKind.Pronoun => db.Contacts.CountAsync(c => c.PronounId == item.Id, ct),
        PersonalizationKind.Religion => db.Contacts.CountAsync(c => c.ReligionId == item.Id, ct),
        PersonalizationKind.RelationshipType => db.Relationships.CountAsync(r => r.TypeId == item.Id, ct),
        PersonalizationKind.ContactInformationType => db.ContactInformation.CountAsync(i => i.TypeId == item.Id, ct),
        PersonalizationKind.AddressType => db.Addresses.CountAsync(a => a.TypeId == item.Id, ct),
        PersonalizationKind.PetCategory => db.Pets.CountAsync(p => p.CategoryId == item.Id, ct),
        PersonalizationKind.GroupType => db.Groups.CountAsync(g => g.TypeId == item.Id, ct),
        PersonalizationKind.GroupRole => db.GroupMembers.CountAsync(m => m.RoleId == item.Id, ct),
        _ => Task.FromResult(0),
    };

    /// <summary>Moves every reference to the replacement (or to nothing) and deletes the entry, all in one transaction.</summary>
    public async Task<ListChange> DeleteAsync(Guid accountId, Guid itemId, Replacement? replacement, CancellationToken ct)
    {
        var item = await Items(accountId).AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return ListChange.NotFound;
        var kind = PersonalizationKinds.Of(item.Kind);
        var newId = replacement?.ItemId;
        if (newId is { } id && (id == item.Id
            || !await Items(accountId).AnyAsync(i => i.Id == id && i.Kind == item.Kind && i.ParentId == item.ParentId, ct)))
            return ListChange.BadReplacement;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await UsesAsync(item, ct) > 0 && (replacement is null || (newId is null && kind.ReplacementRequired)))
            return ListChange.ReplacementRequired;
        await MoveReferencesAsync(item, newId, ct);
        await Items(accountId).Where(i => i.Id == item.Id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return ListChange.Done;
    }

    private async Task MoveReferencesAsync(PersonalizationItem item, Guid? newId, CancellationToken ct)
    {
        var old = item.Id;
        switch (item.Kind)
        {
            case PersonalizationKind.Gender:
                await db.Contacts.Where(c => c.GenderId == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.GenderId, newId), ct);
                break;
            case PersonalizationKind.Pronoun:
                await db.Contacts.Where(c => c.PronounId == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.PronounId, newId), ct);
                break;
            case PersonalizationKind.Religion:
                await db.Contacts.Where(c => c.ReligionId == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReligionId, newId), ct);
                break;
            case PersonalizationKind.AddressType:
                await db.Addresses.Where(a => a.TypeId == old).ExecuteUpdateAsync(s => s.SetProperty(a => a.TypeId, newId), ct);
                break;
            case PersonalizationKind.ContactInformationType when newId is { } to:
                await db.ContactInformation.Where(i => i.TypeId == old).ExecuteUpdateAsync(s => s.SetProperty(i => i.TypeId, to), ct);
                break;
            case PersonalizationKind.PetCategory when newId is { } to:
                await db.Pets.Where(p => p.CategoryId == old).ExecuteUpdateAsync(s => s.SetProperty(p => p.CategoryId, to), ct);
                break;
            case PersonalizationKind.RelationshipType when newId is { } to:
                // A pair that already has the replacement type keeps that row: the old one would duplicate it.
                await db.Relationships.Where(r => r.TypeId == old && db.Relationships.Any(d =>
                    d.TypeId == to && d.ContactId == r.ContactId && d.RelatedContactId == r.RelatedContactId)).ExecuteDeleteAsync(ct);
                await db.Relationships.Where(r => r.TypeId == old).ExecuteUpdateAsync(s => s.SetProperty(r => r.TypeId, to), ct);
                break;
            case PersonalizationKind.GroupRole:
                await db.GroupMembers.Where(m => m.RoleId == old).ExecuteUpdateAsync(s => s.SetProperty(m => m.RoleId, newId), ct);
                break;
            case PersonalizationKind.GroupType:
                await MoveGroupTypeAsync(item, newId, ct);
                break;
        }
    }

    /// <summary>Groups take the new type; their members keep a role of the same name in it if there is one, else none.</summary>
    private async Task MoveGroupTypeAsync(PersonalizationItem type, Guid? newId, CancellationToken ct)
    {
        var oldRoles = await Items(type.AccountId).Where(i => i.ParentId == type.Id).Select(i => new { i.Id, i.Name }).ToListAsync(ct);
        var newRoles = newId is null ? [] : await Items(type.AccountId).Where(i => i.ParentId == newId).Select(i => new { i.Id, i.Name }).ToListAsync(ct);
        foreach (var role in oldRoles)
        {
            var match = newRoles.FirstOrDefault(r => string.Equals(r.Name, role.Name, StringComparison.OrdinalIgnoreCase))?.Id;
            await db.GroupMembers.Where(m => m.RoleId == role.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.RoleId, match), ct);
        }
        await db.Groups.Where(g => g.TypeId == type.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.TypeId, newId), ct);
    }

    private static string ReverseOf(PersonalizationInput input, string name) =>
        string.IsNullOrWhiteSpace(input.ReverseName) ? name : input.ReverseName.Trim();
}
