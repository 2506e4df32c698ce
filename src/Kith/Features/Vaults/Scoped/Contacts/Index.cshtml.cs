using Kith.Data;
using Kith.Features.Accounts;
using Kith.Features.Contacts;
using Kith.Features.Contacts.List;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts;

public sealed record FilterOption(Guid Id, string Name);

/// <summary>The user's row with the vault's filter lists: the list page's first statement, shared with the layout.</summary>
public sealed record ContactListFrame
{
    public AccountRole Role { get; init; }
    public bool IsInstanceAdministrator { get; init; }
    public string NameOrder { get; init; } = ContactNames.FirstLast;
    public IReadOnlyList<FilterOption> Labels { get; init; } = [];
    public IReadOnlyList<FilterOption> Groups { get; init; } = [];
}

/// <summary>The contact list: three statements per request (vault access, this frame with the layout's flags, one page).</summary>
public sealed class IndexModel(AppDbContext db, VaultScope scope, ContactList list, Navigation navigation) : PageModel
{
    public ContactListFrame Frame { get; private set; } = new();
    public ContactListPage Results { get; private set; } = new([], null, null);
    public ContactListRequest Query { get; private set; } = null!;
    public Guid VaultId => scope.VaultId;
    public bool CanEdit => scope.CanEdit;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string? sort, Guid? label, Guid? group, bool favorites, bool archived, string? after, string? before, CancellationToken ct)
    {
        ContactSort order = ContactSort.Name;
        if (sort is not null && (!Enum.TryParse(sort, ignoreCase: true, out order) || !Enum.IsDefined(order))) return BadRequest();
        if (!ModelState.IsValid || !ContactCursor.TryDecode(after, out var afterCursor) || !ContactCursor.TryDecode(before, out var beforeCursor)) return BadRequest();
        Query = new ContactListRequest(order, label, group, favorites, archived, afterCursor, beforeCursor);

        var frame = await LoadFrameAsync(ct);
        if (frame is null) return NotFound();
        Frame = frame;
        navigation.Remember(NavigationFlags.Of(frame.Role, frame.IsInstanceAdministrator));
        Results = await list.LoadAsync(scope, frame.NameOrder, Query, ct);
        return Page();
    }

    /// <summary>The address of this list with one thing changed (a page, a sort, a filter).</summary>
    public Dictionary<string, string> Route(string? sort = null, Guid? label = null, Guid? group = null, bool? favorites = null, bool? archived = null,
        ContactCursor? after = null, ContactCursor? before = null, bool keepFilters = true)
    {
        var values = new Dictionary<string, string> { ["vaultId"] = VaultId.ToString() };
        var order = sort ?? (Query.Sort == ContactSort.Name ? null : Query.Sort.ToString());
        if (order is not null && order != nameof(ContactSort.Name)) values["sort"] = order;
        if ((label ?? (keepFilters ? Query.LabelId : null)) is { } l) values["label"] = l.ToString();
        if ((group ?? (keepFilters ? Query.GroupId : null)) is { } g) values["group"] = g.ToString();
        if (favorites ?? (keepFilters && Query.Favorites)) values["favorites"] = "true";
        if (archived ?? (keepFilters && Query.Archived)) values["archived"] = "true";
        if (after is not null) values["after"] = after.Encode();
        if (before is not null) values["before"] = before.Encode();
        return values;
    }

    private Task<ContactListFrame?> LoadFrameAsync(CancellationToken ct)
    {
        var (userId, vaultId) = (scope.UserId, scope.VaultId);
        // Rooted at the caller's membership so the vault's lists are correlated joins (SQLite has no APPLY).
        return db.VaultMembers.AsNoTracking().Where(m => m.VaultId == vaultId && m.UserId == userId)
            .Select(m => new ContactListFrame
            {
                Role = m.User!.Role,
                IsInstanceAdministrator = m.User.IsInstanceAdministrator,
                NameOrder = m.User.NameOrder,
                Labels = db.Labels.Where(l => l.VaultId == m.VaultId).OrderBy(l => l.Name).Select(l => new FilterOption(l.Id, l.Name)).ToList(),
                Groups = db.Groups.Where(g => g.VaultId == m.VaultId).OrderBy(g => g.Name).Select(g => new FilterOption(g.Id, g.Name)).ToList(),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(ct);
    }
}
