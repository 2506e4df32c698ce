using Kith.Data;
using Kith.Features.Accounts;
using Kith.Features.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

public sealed record SearchSuggestion(Guid Id, string Name, string Initials, bool Archived, string Url);

/// <summary>
/// Search over names, nicknames, emails, phones, companies and labels (the search-term index). A plain GET form without
/// JavaScript; contact-search.js asks the Suggest handler as the user types. Three statements either way.
/// </summary>
public sealed class SearchModel(AppDbContext db, VaultScope scope, ContactSearch search, Navigation navigation) : PageModel
{
    public const int Limit = 50;

    public string? Q { get; private set; }
    public string NameOrder { get; private set; } = ContactNames.FirstLast;
    public IReadOnlyList<ContactHit> Hits { get; private set; } = [];
    public Guid VaultId => scope.VaultId;

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        if (q is { Length: > SearchLengths.Query }) return BadRequest();
        Q = q;
        await FindAsync(q, Limit, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetSuggestAsync(string? q, CancellationToken ct)
    {
        if (q is { Length: > SearchLengths.Query }) return BadRequest();
        await FindAsync(q, ContactSearch.DefaultLimit, ct);
        return new JsonResult(Hits.Select(h => new SearchSuggestion(h.Id, h.DisplayName(NameOrder), ContactNames.Initials(h.FirstName, h.LastName), h.IsArchived,
            Url.Page("/Vaults/Scoped/Contacts/Details", new { vaultId = scope.VaultId, contactId = h.Id })!)));
    }

    private async Task FindAsync(string? q, int limit, CancellationToken ct)
    {
        var userId = scope.UserId;
        // The user's row serves the name order and the layout's navigation: one statement for both.
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Role, u.IsInstanceAdministrator, u.NameOrder }).SingleAsync(ct);
        navigation.Remember(NavigationFlags.Of(user.Role, user.IsInstanceAdministrator));
        NameOrder = user.NameOrder;
        Hits = await search.FindAsync(scope, q, includeArchived: true, limit, ct);
    }
}
