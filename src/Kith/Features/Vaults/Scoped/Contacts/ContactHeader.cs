using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

public sealed record LabelView(Guid Id, string Name, string Colour);

/// <summary>Everything the top of a contact page shows, read in one query with the viewer's own state and name order.</summary>
public sealed record ContactHeader
{
    public Guid Id { get; init; }
    public Guid VaultId { get; init; }
    public string NameOrder { get; init; } = ContactNames.FirstLast;
    public MapProvider MapProvider { get; init; }
    public string? Prefix { get; init; }
    public string FirstName { get; init; } = "";
    public string? MiddleName { get; init; }
    public string? LastName { get; init; }
    public string? Suffix { get; init; }
    public string? Nickname { get; init; }
    public string? MaidenName { get; init; }
    public string? Gender { get; init; }
    public string? Pronoun { get; init; }
    public string? Religion { get; init; }
    public string? Description { get; init; }
    public PartialDate MetOn { get; init; } = new();
    public string? MetWhere { get; init; }
    public Guid? MetThroughId { get; init; }
    public string? MetThroughFirstName { get; init; }
    public string? MetThroughLastName { get; init; }
    public string? MetThroughNickname { get; init; }
    public string? MetNotes { get; init; }
    public string? FoodPreferences { get; init; }
    public string? JobPosition { get; init; }
    public Guid? CompanyId { get; init; }
    public string? CompanyName { get; init; }
    public bool IsArchived { get; init; }
    public string? AvatarFile { get; init; }
    public DateTime UpdatedAt { get; init; }
    public IReadOnlyList<LabelView> Labels { get; init; } = [];
    public bool HasUserState { get; init; }
    public bool IsFavorite { get; init; }
    public bool IsMe { get; init; }

    public string DisplayName => ContactNames.Display(NameOrder, FirstName, LastName, Nickname, MiddleName);

    public string? MetThroughName => MetThroughId is null ? null : ContactNames.Display(NameOrder, MetThroughFirstName ?? "", MetThroughLastName, MetThroughNickname);

    public static Task<ContactHeader?> LoadAsync(AppDbContext db, VaultScope scope, Guid contactId, CancellationToken ct)
    {
        var userId = scope.UserId;
        return db.Contacts.InScope(scope).Where(c => c.Id == contactId)
            .Select(c => new ContactHeader
            {
                Id = c.Id,
                VaultId = c.VaultId,
                NameOrder = db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).FirstOrDefault() ?? ContactNames.FirstLast,
                MapProvider = db.Users.Where(u => u.Id == userId).Select(u => u.MapProvider).FirstOrDefault(),
                Prefix = c.Prefix,
                FirstName = c.FirstName,
                MiddleName = c.MiddleName,
                LastName = c.LastName,
                Suffix = c.Suffix,
                Nickname = c.Nickname,
                MaidenName = c.MaidenName,
                Gender = db.PersonalizationItems.Where(i => i.Id == c.GenderId).Select(i => i.Name).FirstOrDefault(),
                Pronoun = db.PersonalizationItems.Where(i => i.Id == c.PronounId).Select(i => i.Name).FirstOrDefault(),
                Religion = db.PersonalizationItems.Where(i => i.Id == c.ReligionId).Select(i => i.Name).FirstOrDefault(),
                Description = c.Description,
                MetOn = c.MetOn,
                MetWhere = c.MetWhere,
                MetThroughId = db.Contacts.Where(m => m.Id == c.MetThroughContactId && m.DeletedAt == null).Select(m => (Guid?)m.Id).FirstOrDefault(),
                MetThroughFirstName = db.Contacts.Where(m => m.Id == c.MetThroughContactId).Select(m => m.FirstName).FirstOrDefault(),
                MetThroughLastName = db.Contacts.Where(m => m.Id == c.MetThroughContactId).Select(m => m.LastName).FirstOrDefault(),
                MetThroughNickname = db.Contacts.Where(m => m.Id == c.MetThroughContactId).Select(m => m.Nickname).FirstOrDefault(),
                MetNotes = c.MetNotes,
                FoodPreferences = c.FoodPreferences,
                JobPosition = c.JobPosition,
                CompanyId = c.CompanyId,
                CompanyName = db.Companies.Where(co => co.Id == c.CompanyId).Select(co => co.Name).FirstOrDefault(),
                IsArchived = c.IsArchived,
                AvatarFile = c.AvatarFile,
                UpdatedAt = c.UpdatedAt,
                Labels = db.ContactLabels.Where(l => l.ContactId == c.Id)
                    .Join(db.Labels, cl => cl.LabelId, l => l.Id, (cl, l) => l)
                    .OrderBy(l => l.Name).Select(l => new LabelView(l.Id, l.Name, l.Colour)).ToList(),
                HasUserState = db.ContactUserStates.Any(s => s.UserId == userId && s.ContactId == c.Id),
                IsFavorite = db.ContactUserStates.Any(s => s.UserId == userId && s.ContactId == c.Id && s.IsFavorite),
                IsMe = db.VaultMembers.Any(m => m.UserId == userId && m.VaultId == c.VaultId && m.MeContactId == c.Id),
            })
            .SingleOrDefaultAsync(ct);
    }
}
