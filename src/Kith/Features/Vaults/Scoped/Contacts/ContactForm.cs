using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Editing;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

/// <summary>What the shared create/edit form partial needs from its page.</summary>
public interface IContactForm
{
    ContactInput Input { get; }
    ContactFormOptions Options { get; }
    Guid VaultId { get; }
}

internal static class ContactForms
{
    public static async Task<ContactFormOptions> OptionsAsync(AppDbContext db, VaultScope scope, Guid? metThroughId, CancellationToken ct)
    {
        var userId = scope.UserId;
        var nameOrder = await db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).FirstOrDefaultAsync(ct) ?? ContactNames.FirstLast;
        return await ContactFormOptions.LoadAsync(db, scope, metThroughId, nameOrder, ct);
    }

    /// <summary>
    /// Turns the posted picker into <see cref="ContactInput.MetThroughContactId"/>; when the typed name is ambiguous the form
    /// comes back with the matches to choose from.
    /// </summary>
    public static async Task<IReadOnlyList<ContactHit>> ResolveMetThroughAsync(ContactPicker picker, VaultScope scope, ContactInput input,
        Guid? contactId, ModelStateDictionary modelState, CancellationToken ct)
    {
        var picked = await picker.ResolveAsync(scope, input.MetThrough, contactId, ct);
        switch (picked.Outcome)
        {
            case PickerOutcome.Chosen:
                input.MetThroughContactId = picked.ContactId;
                return [];
            case PickerOutcome.Empty:
                input.MetThroughContactId = null;
                return [];
            default:
                // A kept id the picker cannot resolve (its contact went to the bin) is for WriteContact to judge.
                if (input.MetThrough.SelectedId is { } kept && picked.Choices.Count == 0)
                {
                    input.MetThroughContactId = kept;
                    return [];
                }
                modelState.AddModelError("Input.MetThrough.Query", picked.Choices.Count == 0 ? "No contact of this vault has that name." : "Several contacts match: choose one.");
                return picked.Choices;
        }
    }

    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
            modelState.AddModelError("Input." + (error.Field == nameof(ContactInput.MetThroughContactId) ? "MetThrough.Query" : error.Field), error.Message);
    }
}
