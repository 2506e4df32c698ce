using Kith.Data;

namespace Kith.Features.Personalization;

/// <summary>The lists a new account starts with; administrators tailor them afterwards.</summary>
public static class PersonalizationDefaults
{
    public static readonly IReadOnlyList<string> Genders = ["Woman", "Man", "Non-binary", "Genderqueer", "Agender", "Prefer not to say"];
    public static readonly IReadOnlyList<string> Pronouns = ["she/her", "he/him", "they/them", "she/they", "he/they", "ze/zir"];
    public static readonly IReadOnlyList<string> Religions = ["Atheism", "Agnosticism", "Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Sikhism"];

    /// <summary>Name and reverse name; symmetric types read the same both ways.</summary>
    public static readonly IReadOnlyList<(string Name, string Reverse)> RelationshipTypes =
    [
        ("parent", "child"), ("partner", "partner"), ("spouse", "spouse"), ("sibling", "sibling"), ("friend", "friend"),
        ("best friend", "best friend"), ("colleague", "colleague"), ("boss", "subordinate"), ("mentor", "mentee"),
        ("godparent", "godchild"), ("cousin", "cousin"), ("grandparent", "grandchild"), ("uncle/aunt", "nephew/niece"),
        ("stepparent", "stepchild"), ("ex-partner", "ex-partner"), ("neighbour", "neighbour"),
    ];

    public static readonly IReadOnlyList<(string Name, LinkScheme Scheme)> ContactInformationTypes =
    [
        ("Email", LinkScheme.Email), ("Phone", LinkScheme.Phone), ("Mobile", LinkScheme.Phone), ("Website", LinkScheme.Web),
        ("Mastodon", LinkScheme.Web), ("LinkedIn", LinkScheme.Web), ("Signal", LinkScheme.Phone), ("WhatsApp", LinkScheme.Phone),
        ("Matrix", LinkScheme.None), ("Telegram", LinkScheme.None),
    ];

    public static readonly IReadOnlyList<string> AddressTypes = ["Home", "Work", "Holiday home", "Other"];
    public static readonly IReadOnlyList<string> PetCategories = ["Dog", "Cat", "Bird", "Fish", "Rabbit", "Rodent", "Reptile", "Horse", "Other"];

    public static readonly IReadOnlyList<(string Name, string[] Roles)> GroupTypes =
    [
        ("Family", ["parent", "child", "grandparent", "sibling"]), ("Couple", ["partner"]),
        ("Club", ["member", "organiser"]), ("Team", ["member", "lead"]), ("Friends", ["friend"]),
    ];

    public static void SeedAccount(AppDbContext db, Guid accountId)
    {
        AddAll(db, accountId, PersonalizationKind.Gender, Genders);
        AddAll(db, accountId, PersonalizationKind.Pronoun, Pronouns);
        AddAll(db, accountId, PersonalizationKind.Religion, Religions);
        AddAll(db, accountId, PersonalizationKind.AddressType, AddressTypes);
        AddAll(db, accountId, PersonalizationKind.PetCategory, PetCategories);
        for (var i = 0; i < RelationshipTypes.Count; i++)
            db.PersonalizationItems.Add(PersonalizationItem.Create(accountId, PersonalizationKind.RelationshipType, RelationshipTypes[i].Name, i, RelationshipTypes[i].Reverse));
        for (var i = 0; i < ContactInformationTypes.Count; i++)
            db.PersonalizationItems.Add(PersonalizationItem.Create(accountId, PersonalizationKind.ContactInformationType, ContactInformationTypes[i].Name, i, scheme: ContactInformationTypes[i].Scheme));
        for (var i = 0; i < GroupTypes.Count; i++)
        {
            var type = PersonalizationItem.Create(accountId, PersonalizationKind.GroupType, GroupTypes[i].Name, i);
            db.PersonalizationItems.Add(type);
            var roles = GroupTypes[i].Roles;
            for (var r = 0; r < roles.Length; r++)
                db.PersonalizationItems.Add(PersonalizationItem.Create(accountId, PersonalizationKind.GroupRole, roles[r], r, parentId: type.Id));
        }
    }

    private static void AddAll(AppDbContext db, Guid accountId, PersonalizationKind kind, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++) db.PersonalizationItems.Add(PersonalizationItem.Create(accountId, kind, names[i], i));
    }
}
