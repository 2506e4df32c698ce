using Kith.Data;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Editing;

public sealed record FormOption(Guid Id, string Name);

/// <summary>The choices of the contact form: the account's genders, pronouns and religions, and the vault's companies.</summary>
public sealed record ContactFormOptions(IReadOnlyList<FormOption> Genders, IReadOnlyList<FormOption> Pronouns, IReadOnlyList<FormOption> Religions,
    IReadOnlyList<string> Companies, string? MetThroughName, string NameOrder)
{
    /// <summary>When the typed "through" name matched several contacts: the ones to choose from.</summary>
    public IReadOnlyList<ContactHit> MetThroughChoices { get; init; } = [];

    public const int MaxCompanies = 1000;

    public static async Task<ContactFormOptions> LoadAsync(AppDbContext db, VaultScope scope, Guid? metThroughId, string nameOrder, CancellationToken ct)
    {
        var accountId = db.Vaults.Current(scope).Select(v => v.AccountId);
        PersonalizationKind[] kinds = [PersonalizationKind.Gender, PersonalizationKind.Pronoun, PersonalizationKind.Religion];
        var items = await db.PersonalizationItems.AsNoTracking()
            .Where(i => accountId.Contains(i.AccountId) && kinds.Contains(i.Kind))
            .OrderBy(i => i.Position).ThenBy(i => i.Name)
            .Select(i => new { i.Kind, Option = new FormOption(i.Id, i.Name) }).ToListAsync(ct);
        var vaultId = scope.VaultId;
        var companies = await db.Companies.AsNoTracking().Where(c => c.VaultId == vaultId).OrderBy(c => c.Name).Select(c => c.Name).Take(MaxCompanies).ToListAsync(ct);
        string? metThrough = null;
        if (metThroughId is { } id)
            metThrough = await db.Contacts.InScope(scope).Where(c => c.Id == id)
                .Select(c => ContactNames.Display(nameOrder, c.FirstName, c.LastName, c.Nickname, c.MiddleName)).FirstOrDefaultAsync(ct);
        List<FormOption> Of(PersonalizationKind kind) => items.Where(i => i.Kind == kind).Select(i => i.Option).ToList();
        return new ContactFormOptions(Of(PersonalizationKind.Gender), Of(PersonalizationKind.Pronoun), Of(PersonalizationKind.Religion), companies, metThrough, nameOrder);
    }
}
