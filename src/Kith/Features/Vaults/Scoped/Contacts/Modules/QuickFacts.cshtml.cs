using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed class QuickFactInput
{
    public Guid TemplateId { get; set; }

    [Required, StringLength(ModuleLengths.QuickFact), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line of text."), Display(Name = "Answer")]
    public string Content { get; set; } = "";
}

[Authorize(Policy = VaultPolicy.Edit)]
public sealed class QuickFactsModel(AppDbContext db, VaultScope scope, ContactEdits edits) : PageModel
{
    [BindProperty]
    public QuickFactInput Input { get; set; } = new();

    /// <summary>The row whose edit was refused: it shows what was typed, and the add form stays empty.</summary>
    public Guid? EditingId { get; private set; }

    public IReadOnlyList<QuickFactTemplate> Templates { get; private set; } = [];
    public IReadOnlyList<QuickFactRow> Rows { get; private set; } = [];
    public Guid ContactId { get; private set; }

    public string? Error(string key) => ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(Guid contactId, CancellationToken ct)
    {
        if (await edits.FindAsync(contactId, ct) is null) return NotFound();
        await LoadAsync(contactId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var vaultId = scope.VaultId;
        var template = await db.QuickFactTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == Input.TemplateId && t.VaultId == vaultId, ct);
        if (template is null) ModelState.AddModelError("Input.TemplateId", "Choose a prompt.");
        if (!ModelState.IsValid) return await InvalidAsync(contactId, null, ct);
        db.QuickFacts.Add(QuickFact.Create(contactId, template!.Id, Input.Content.Trim()));
        await edits.SaveAsync(contact, FeedActions.QuickFactAdded, template.Name, ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostEditAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var fact = await db.QuickFacts.SingleOrDefaultAsync(f => f.Id == id && f.ContactId == contactId, ct);
        if (fact is null) return NotFound();
        // The prompt of an answer does not change; only its text is posted.
        ModelState.Remove("Input.TemplateId");
        if (!ModelState.IsValid) return await InvalidAsync(contactId, id, ct);
        fact.Content = Input.Content.Trim();
        await edits.SaveAsync(contact, FeedActions.QuickFactUpdated, await TemplateNameAsync(fact.TemplateId, ct), ct);
        return RedirectToPage(new { contactId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid contactId, Guid id, CancellationToken ct)
    {
        var contact = await edits.FindAsync(contactId, ct);
        if (contact is null) return NotFound();
        var fact = await db.QuickFacts.SingleOrDefaultAsync(f => f.Id == id && f.ContactId == contactId, ct);
        if (fact is null) return NotFound();
        db.QuickFacts.Remove(fact);
        await edits.SaveAsync(contact, FeedActions.QuickFactRemoved, await TemplateNameAsync(fact.TemplateId, ct), ct);
        return RedirectToPage(new { contactId });
    }

    private Task<string?> TemplateNameAsync(Guid templateId, CancellationToken ct) =>
        db.QuickFactTemplates.Where(t => t.Id == templateId).Select(t => t.Name).SingleOrDefaultAsync(ct);

    private async Task<IActionResult> InvalidAsync(Guid contactId, Guid? editingId, CancellationToken ct)
    {
        EditingId = editingId;
        await LoadAsync(contactId, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(Guid contactId, CancellationToken ct)
    {
        ContactId = contactId;
        var vaultId = scope.VaultId;
        Templates = await db.QuickFactTemplates.AsNoTracking().Where(t => t.VaultId == vaultId).OrderBy(t => t.Position).ThenBy(t => t.Name).ToListAsync(ct);
        Rows = await QuickFactQueries.RowsAsync(db, contactId, ct);
    }
}
