using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts;

/// <summary>
/// What a form posts for "choose a contact": the id picked from suggestions (with JavaScript), or just the typed
/// name (without), which the server resolves. Never a list of all contacts.
/// </summary>
public sealed record ContactPickerInput
{
    [StringLength(SearchLengths.Query)]
    public string? Query { get; set; }

    public Guid? SelectedId { get; set; }
}

public enum PickerOutcome
{
    /// <summary>Nothing typed and nothing chosen.</summary>
    Empty,
    Chosen,

    /// <summary>The typed text matched several contacts (or none): the form is shown again with <see cref="PickerResult.Choices"/>.</summary>
    Ambiguous,
}

public sealed record PickerResult(PickerOutcome Outcome, Guid? ContactId, IReadOnlyList<ContactHit> Choices);

/// <summary>Resolves a <see cref="ContactPickerInput"/> inside the current vault; an id from elsewhere is treated as not chosen.</summary>
public sealed class ContactPicker(AppDbContext db, ContactSearch search)
{
    public async Task<PickerResult> ResolveAsync(VaultScope scope, ContactPickerInput? input, Guid? exclude, CancellationToken ct)
    {
        if (input?.SelectedId is { } id && id != exclude && await db.Contacts.InScope(scope).AnyAsync(c => c.Id == id, ct))
            return new PickerResult(PickerOutcome.Chosen, id, []);
        if (string.IsNullOrWhiteSpace(input?.Query)) return new PickerResult(PickerOutcome.Empty, null, []);
        var hits = (await search.FindAsync(scope, input.Query, includeArchived: true, limit: 10, ct)).Where(h => h.Id != exclude).ToList();
        return hits.Count == 1
            ? new PickerResult(PickerOutcome.Chosen, hits[0].Id, [])
            : new PickerResult(PickerOutcome.Ambiguous, null, hits);
    }
}

/// <summary>Model of the _ContactPicker partial.</summary>
public sealed record ContactPickerView(string FieldPrefix, string Label, Guid VaultId, ContactPickerInput Input, string? SelectedName,
    IReadOnlyList<ContactHit> Choices, string NameOrder);
