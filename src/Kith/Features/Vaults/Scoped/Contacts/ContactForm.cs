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

    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors)
    {
        foreach (var error in errors) modelState.AddModelError("Input." + error.Field, error.Message);
    }
}
