using Kith.Data;
using Kith.Features.Contacts;

namespace Kith.Features.Vaults;

/// <summary>What every vault starts with: the built-in date types (never deletable) and a few quick-fact prompts.</summary>
public static class VaultDefaults
{
    public static readonly IReadOnlyList<string> QuickFactTemplates = ["Hobbies", "Food allergies", "Favourite books", "How we met"];

    public static void Seed(AppDbContext db, Guid vaultId)
    {
        db.ImportantDateTypes.Add(ImportantDateType.Create(vaultId, "Birthday", ImportantDateKind.Birthday, 0));
        db.ImportantDateTypes.Add(ImportantDateType.Create(vaultId, "Deceased", ImportantDateKind.Deceased, 1));
        for (var i = 0; i < QuickFactTemplates.Count; i++) db.QuickFactTemplates.Add(QuickFactTemplate.Create(vaultId, QuickFactTemplates[i], i));
    }
}
