using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Connections;
using Kith.Features.Personalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

public sealed record RelationshipInput
{
    public ContactPickerInput Other { get; set; } = new();

    /// <summary>"{typeId}" for the type's name, "{typeId}:reverse" for its reverse name.</summary>
    [Required(ErrorMessage = "Choose a relationship type."), StringLength(60)]
    public string? Type { get; set; }
}

public sealed record RelationshipChoice(string Value, string Name);

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class RelationshipsModel(AppDbContext db, VaultScope scope, ContactPicker picker, WriteRelationship write) : PageModel
{
    private const string ReverseSuffix = ":reverse";

    public Guid ContactId { get; private set; }
    public string ContactName { get; private set; } = "";
    public string NameOrder { get; private set; } = ContactNames.FirstLast;
    public IReadOnlyList<RelationshipChoice> Types { get; private set; } = [];
    public IReadOnlyList<ContactHit> Choices { get; private set; } = [];

    public ContactPickerView Picker => new("Input.Other", "Who", scope.VaultId, Input.Other, null, Choices, NameOrder);

    [BindProperty]
    public RelationshipInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct) => await ShowAsync(contactId, StatusCodes.Status200OK, ct);

    public async Task<IActionResult> OnPostAddAsync(Guid contactId, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ShowAsync(contactId, StatusCodes.Status422UnprocessableEntity, ct);
        var (typeId, reverse) = ParseType(Input.Type);
        if (typeId is null)
        {
            ModelState.AddModelError("Input.Type", "Choose a relationship type.");
            return await ShowAsync(contactId, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var picked = await picker.ResolveAsync(scope, Input.Other, contactId, ct);
        if (picked.Outcome != PickerOutcome.Chosen)
        {
            Choices = picked.Choices;
            ModelState.AddModelError("", picked.Outcome == PickerOutcome.Empty ? "Choose a contact." : "Choose one of the matching contacts.");
            return await ShowAsync(contactId, StatusCodes.Status422UnprocessableEntity, ct);
        }
        var change = await write.AddAsync(scope, contactId, picked.ContactId!.Value, typeId.Value, reverse, ct);
        return await ResultAsync(contactId, change, "The relationship was added.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid contactId, Guid relationshipId, CancellationToken ct)
    {
        ModelState.Clear();
        return await ResultAsync(contactId, await write.RemoveAsync(scope, contactId, relationshipId, ct), "The relationship was removed.", ct);
    }

    private async Task<IActionResult> ResultAsync(Guid contactId, ConnectionChange change, string success, CancellationToken ct)
    {
        switch (change.Outcome)
        {
            case ConnectionOutcome.Done:
                StatusMessage = success;
                return RedirectToPage("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId, tab = ContactTab.Connections });
            case ConnectionOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", change.Message!);
                return await ShowAsync(contactId, StatusCodes.Status422UnprocessableEntity, ct);
        }
    }

    private static (Guid? TypeId, bool Reverse) ParseType(string? value)
    {
        if (value is null) return (null, false);
        var reverse = value.EndsWith(ReverseSuffix, StringComparison.Ordinal);
        return Guid.TryParse(reverse ? value[..^ReverseSuffix.Length] : value, out var id) ? (id, reverse) : (null, false);
    }

    private async Task<IActionResult> ShowAsync(Guid contactId, int status, CancellationToken ct)
    {
        var userId = scope.UserId;
        var vaultId = scope.VaultId;
        var contact = await db.Contacts.InScope(scope).Where(c => c.Id == contactId)
            .Select(c => new { c.FirstName, c.LastName, c.Nickname, NameOrder = db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (contact is null) return NotFound();
        ContactId = contactId;
        NameOrder = contact.NameOrder ?? ContactNames.FirstLast;
        ContactName = ContactNames.Display(NameOrder, contact.FirstName, contact.LastName, contact.Nickname);
        var types = await db.PersonalizationItems
            .Where(i => i.Kind == PersonalizationKind.RelationshipType && i.AccountId == db.Vaults.Where(v => v.Id == vaultId).Select(v => v.AccountId).FirstOrDefault())
            .OrderBy(i => i.Position).ThenBy(i => i.Name).Select(i => new { i.Id, i.Name, i.ReverseName }).ToListAsync(ct);
        Types = types.SelectMany(t => t.ReverseName is { } reverse && reverse != t.Name
                ? new[] { new RelationshipChoice(t.Id.ToString(), t.Name), new RelationshipChoice(t.Id + ReverseSuffix, reverse) }
                : [new RelationshipChoice(t.Id.ToString(), t.Name)])
            .ToList();
        Response.StatusCode = status;
        return Page();
    }
}
