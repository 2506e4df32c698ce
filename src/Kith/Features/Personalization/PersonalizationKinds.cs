namespace Kith.Features.Personalization;

/// <summary>How each kind of list is shown and what deleting an entry in use may fall back to.</summary>
public sealed record PersonalizationKindInfo(
    PersonalizationKind Kind, string Slug, string Title, string Singular, bool ReplacementRequired,
    bool HasReverseName = false, bool HasScheme = false, bool HasRoles = false, bool IsRole = false);

public static class PersonalizationKinds
{
    public static readonly IReadOnlyList<PersonalizationKindInfo> All =
    [
        new(PersonalizationKind.Gender, "genders", "Genders", "gender", ReplacementRequired: false),
        new(PersonalizationKind.Pronoun, "pronouns", "Pronouns", "pronoun", ReplacementRequired: false),
        new(PersonalizationKind.Religion, "religions", "Religions", "religion", ReplacementRequired: false),
        new(PersonalizationKind.RelationshipType, "relationship-types", "Relationship types", "relationship type", ReplacementRequired: true, HasReverseName: true),
        new(PersonalizationKind.ContactInformationType, "contact-information-types", "Contact information types", "contact information type", ReplacementRequired: true, HasScheme: true),
        new(PersonalizationKind.AddressType, "address-types", "Address types", "address type", ReplacementRequired: false),
        new(PersonalizationKind.PetCategory, "pet-categories", "Pet categories", "pet category", ReplacementRequired: true),
        new(PersonalizationKind.GroupType, "group-types", "Group types", "group type", ReplacementRequired: false, HasRoles: true),
        new(PersonalizationKind.GroupRole, "group-roles", "Group roles", "group role", ReplacementRequired: false, IsRole: true),
    ];

    public static PersonalizationKindInfo? BySlug(string? slug) => All.FirstOrDefault(k => k.Slug == slug);

    public static PersonalizationKindInfo Of(PersonalizationKind kind) => All.Single(k => k.Kind == kind);
}
