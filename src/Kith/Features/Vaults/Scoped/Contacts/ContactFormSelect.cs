using Kith.Features.Contacts.Editing;

namespace Kith.Features.Vaults.Scoped.Contacts;

/// <summary>One select of personalization items; rendered by hand so a refused id keeps its message next to the field.</summary>
public sealed record ContactFormSelect(string Field, string Id, string Name, Guid? Selected, IReadOnlyList<FormOption> Options, string? Error)
{
    public string Label => Field switch
    {
        nameof(ContactInput.GenderId) => "Gender",
        nameof(ContactInput.PronounId) => "Pronouns",
        _ => "Religion",
    };
}
