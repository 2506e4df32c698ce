using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Lifecycle;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

public sealed record LoadedModule(string PartialName, object Model);

public sealed class DetailsModel(AppDbContext db, VaultScope scope, IEnumerable<IContactModule> modules, TimeProvider clock, ContactLifecycle lifecycle) : PageModel
{
    public ContactHeader Contact { get; private set; } = null!;
    public ContactTab Tab { get; private set; }
    public IReadOnlyList<LoadedModule> Modules { get; private set; } = [];
    public bool CanEdit => scope.CanEdit;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contactId, ContactTab tab, CancellationToken ct)
    {
        if (!Enum.IsDefined(tab)) return NotFound();
        var contact = await ContactHeader.LoadAsync(db, scope, contactId, ct);
        if (contact is null) return NotFound();
        Contact = contact;
        Tab = tab;
        await CountViewAsync(contact, ct);

        var context = new ContactPageContext(scope, contactId, contact.NameOrder, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), contact.MapProvider);
        var loaded = new List<LoadedModule>();
        foreach (var module in modules.Where(m => m.Tab == tab).OrderBy(m => m.Order))
            loaded.Add(new LoadedModule(module.PartialName, await module.LoadAsync(context, ct)));
        Modules = loaded;
        return Page();
    }

    /// <summary>Favourites are per user: a viewer may keep their own.</summary>
    public async Task<IActionResult> OnPostFavoriteAsync(Guid contactId, bool favorite, CancellationToken ct)
    {
        if (!await lifecycle.SetFavoriteAsync(scope, contactId, favorite, ct)) return NotFound();
        StatusMessage = favorite ? "Added to your favourites." : "Removed from your favourites.";
        return RedirectToPage(new { vaultId = scope.VaultId, contactId });
    }

    /// <summary>"This is me" is per user and per vault, so a viewer may say which contact they are.</summary>
    public async Task<IActionResult> OnPostMeAsync(Guid contactId, CancellationToken ct)
    {
        if (!await lifecycle.ToggleMeAsync(scope, contactId, ct)) return NotFound();
        StatusMessage = "Saved.";
        return RedirectToPage(new { vaultId = scope.VaultId, contactId });
    }

    /// <summary>Feeds "most consulted": one statement per view.</summary>
    private async Task CountViewAsync(ContactHeader contact, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = scope.UserId;
        if (contact.HasUserState)
        {
            await db.ContactUserStates.Where(s => s.UserId == userId && s.ContactId == contact.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ViewCount, x => x.ViewCount + 1).SetProperty(x => x.LastViewedAt, now), ct);
            return;
        }
        var state = ContactUserState.Create(userId, contact.Id, contact.VaultId);
        state.ViewCount = 1;
        state.LastViewedAt = now;
        db.ContactUserStates.Add(state);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same user opened the contact twice at once: the other request counted it.
            db.ChangeTracker.Clear();
        }
    }
}
