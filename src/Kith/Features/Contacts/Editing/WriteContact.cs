using Kith.Data;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Editing;

public sealed record FieldError(string Field, string Message);

public sealed record ContactWrite(Guid? ContactId, IReadOnlyList<FieldError> Errors)
{
    public static readonly ContactWrite NotFound = new(null, []);
    public bool Succeeded => ContactId is not null && Errors.Count == 0;
}

/// <summary>Creates and edits a contact's identity: validation that needs the database, the company, the feed entry, one save.</summary>
public sealed class WriteContact(AppDbContext db, TimeProvider clock)
{
    public async Task<ContactWrite> CreateAsync(VaultScope scope, ContactInput input, CancellationToken ct)
    {
        var errors = await ValidateAsync(scope, null, null, input, ct);
        if (errors.Count > 0) return new ContactWrite(null, errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var contact = Contact.Create(scope.VaultId, input.FirstName.Trim(), scope.UserId, now);
        await ApplyAsync(scope, contact, input, ct);
        contact.Touch(now);
        db.Contacts.Add(contact);
        db.FeedEntries.Add(FeedEntry.Record(scope.VaultId, contact.Id, scope.UserId, now, FeedActions.ContactCreated));
        await db.SaveChangesAsync(ct);
        return new ContactWrite(contact.Id, []);
    }

    public async Task<ContactWrite> UpdateAsync(VaultScope scope, Guid contactId, ContactInput input, CancellationToken ct)
    {
        var contact = await db.Contacts.InScope(scope).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return ContactWrite.NotFound;
        var errors = await ValidateAsync(scope, contactId, contact.MetThroughContactId, input, ct);
        if (errors.Count > 0) return new ContactWrite(contactId, errors);
        var before = Snapshot(contact);
        await ApplyAsync(scope, contact, input, ct);
        var changed = ContactChanges.Between(before, Snapshot(contact));
        if (changed.Count == 0) return new ContactWrite(contactId, []);
        var now = clock.GetUtcNow().UtcDateTime;
        contact.Touch(now);
        db.FeedEntries.Add(FeedEntry.Record(scope.VaultId, contact.Id, scope.UserId, now, FeedActions.ContactUpdated, string.Join(", ", changed)));
        await db.SaveChangesAsync(ct);
        return new ContactWrite(contactId, []);
    }

    private async Task<List<FieldError>> ValidateAsync(VaultScope scope, Guid? contactId, Guid? savedMetThrough, ContactInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.FirstName)) errors.Add(new(nameof(input.FirstName), "The first name is required."));
        if (input.MetOn.Problem() is { } problem) errors.Add(new(nameof(input.MetDay), problem));

        var wanted = new (Guid? Id, PersonalizationKind Kind, string Field)[]
        {
            (input.GenderId, PersonalizationKind.Gender, nameof(input.GenderId)),
            (input.PronounId, PersonalizationKind.Pronoun, nameof(input.PronounId)),
            (input.ReligionId, PersonalizationKind.Religion, nameof(input.ReligionId)),
        };
        var ids = wanted.Where(w => w.Id is not null).Select(w => w.Id!.Value).ToList();
        if (ids.Count > 0)
        {
            // Personalization lists belong to the vault's account: an id from anywhere else is refused.
            var accountId = db.Vaults.Current(scope).Select(v => v.AccountId);
            var found = await db.PersonalizationItems.AsNoTracking()
                .Where(i => ids.Contains(i.Id) && accountId.Contains(i.AccountId))
                .Select(i => new { i.Id, i.Kind }).ToListAsync(ct);
            foreach (var (id, kind, field) in wanted)
                if (id is { } value && !found.Any(f => f.Id == value && f.Kind == kind))
                    errors.Add(new(field, "Choose an entry from the list."));
        }

        // The saved value stays acceptable even if that contact went to the bin since.
        if (input.MetThroughContactId is { } through && through != savedMetThrough
            && (through == contactId || !await db.Contacts.InScope(scope).AnyAsync(c => c.Id == through, ct)))
            errors.Add(new(nameof(input.MetThroughContactId), "Choose another contact of this vault."));
        return errors;
    }

    private async Task ApplyAsync(VaultScope scope, Contact contact, ContactInput input, CancellationToken ct)
    {
        contact.Prefix = Clean(input.Prefix);
        contact.FirstName = input.FirstName.Trim();
        contact.MiddleName = Clean(input.MiddleName);
        contact.LastName = Clean(input.LastName);
        contact.Suffix = Clean(input.Suffix);
        contact.Nickname = Clean(input.Nickname);
        contact.MaidenName = Clean(input.MaidenName);
        contact.GenderId = input.GenderId;
        contact.PronounId = input.PronounId;
        contact.ReligionId = input.ReligionId;
        contact.Description = Clean(input.Description);
        contact.MetOn = input.MetOn;
        contact.MetWhere = Clean(input.MetWhere);
        contact.MetThroughContactId = input.MetThroughContactId;
        contact.MetNotes = Clean(input.MetNotes);
        contact.FoodPreferences = Clean(input.FoodPreferences);
        contact.JobPosition = Clean(input.JobPosition);
        contact.CompanyId = await CompanyAsync(scope, Clean(input.CompanyName), ct);
    }

    /// <summary>The vault's company of that name, created if there is none.</summary>
    private async Task<Guid?> CompanyAsync(VaultScope scope, string? name, CancellationToken ct)
    {
        if (name is null) return null;
        var vaultId = scope.VaultId;
        var existing = await db.Companies.Where(c => c.VaultId == vaultId && c.Name == name).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is not null) return existing;
        var company = Company.Create(vaultId, name);
        db.Companies.Add(company);
        return company.Id;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ContactSnapshot Snapshot(Contact c) => new(
        [c.Prefix, c.FirstName, c.MiddleName, c.LastName, c.Suffix, c.Nickname, c.MaidenName],
        c.GenderId, c.PronounId, c.ReligionId, c.Description,
        [c.MetOn.Day?.ToString(System.Globalization.CultureInfo.InvariantCulture), c.MetOn.Month?.ToString(System.Globalization.CultureInfo.InvariantCulture),
         c.MetOn.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), c.MetWhere, c.MetThroughContactId?.ToString(), c.MetNotes],
        c.FoodPreferences, c.JobPosition, c.CompanyId);
}

internal sealed record ContactSnapshot(string?[] Names, Guid? Gender, Guid? Pronoun, Guid? Religion, string? Description, string?[] Met,
    string? Food, string? Job, Guid? Company);

/// <summary>The feed's wording of what an edit changed ("name, company").</summary>
internal static class ContactChanges
{
    public static List<string> Between(ContactSnapshot a, ContactSnapshot b)
    {
        var changed = new List<string>();
        if (!a.Names.SequenceEqual(b.Names)) changed.Add("name");
        if (a.Gender != b.Gender) changed.Add("gender");
        if (a.Pronoun != b.Pronoun) changed.Add("pronouns");
        if (a.Religion != b.Religion) changed.Add("religion");
        if (a.Description != b.Description) changed.Add("description");
        if (!a.Met.SequenceEqual(b.Met)) changed.Add("how we met");
        if (a.Food != b.Food) changed.Add("food preferences");
        if (a.Job != b.Job) changed.Add("job position");
        if (a.Company != b.Company) changed.Add("company");
        return changed;
    }
}
