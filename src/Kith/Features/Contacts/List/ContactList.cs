using Kith.Data;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.List;

public enum ContactSort
{
    Name = 0,
    Updated = 1,
    Consulted = 2,
}

public sealed record ContactListRequest(ContactSort Sort, Guid? LabelId, Guid? GroupId, bool Favorites, bool Archived, ContactCursor? After, ContactCursor? Before);

public sealed record ContactLabelChip(Guid Id, string Name, string Colour);

public sealed record ContactListRow
{
    public Guid Id { get; init; }
    public string FirstName { get; init; } = "";
    public string? MiddleName { get; init; }
    public string? LastName { get; init; }
    public string? Nickname { get; init; }
    public bool IsArchived { get; init; }
    public string? AvatarFile { get; init; }
    public bool IsFavorite { get; init; }
    public bool IsMe { get; init; }
    public IReadOnlyList<ContactLabelChip> Labels { get; init; } = [];

    public string Initials => ContactNames.Initials(FirstName, LastName);

    public string DisplayName(string nameOrder) => ContactNames.Display(nameOrder, FirstName, LastName, Nickname, MiddleName);
}

public sealed class KeyedRow<TKey>
{
    public ContactListRow Row { get; init; } = null!;
    public TKey Key { get; init; } = default!;
}

public sealed record ContactListPage(IReadOnlyList<ContactListRow> Rows, ContactCursor? Next, ContactCursor? Previous);

/// <summary>A contact with the value the list is ordered by; the shape every sort is paged through.</summary>
public sealed class Keyed<TKey>
{
    public Contact C { get; init; } = null!;
    public TKey Key { get; init; } = default!;
}

/// <summary>
/// One page of a vault's contacts in ONE statement, whatever the vault's size: keyset pagination (the cursor is the sort key
/// and id of the row next to the page), so every page is an index walk from the cursor, never an OFFSET that reads what it
/// skips. "Most consulted" lists the contacts the user has opened, walking their own view-count index.
/// </summary>
public sealed class ContactList(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<ContactListPage> LoadAsync(VaultScope scope, string nameOrder, ContactListRequest request, CancellationToken ct)
    {
        var userId = scope.UserId;
        var vaultId = scope.VaultId;
        var archived = request.Archived;
        var contacts = db.Contacts.InScope(scope).Where(c => c.IsArchived == archived);
        if (request.LabelId is { } labelId) contacts = contacts.Where(c => db.ContactLabels.Any(l => l.ContactId == c.Id && l.LabelId == labelId));
        if (request.GroupId is { } groupId) contacts = contacts.Where(c => db.GroupMembers.Any(m => m.ContactId == c.Id && m.GroupId == groupId));
        if (request.Favorites) contacts = contacts.Where(c => db.ContactUserStates.Any(s => s.UserId == userId && s.ContactId == c.Id && s.IsFavorite));

        var backward = request.Before is not null;
        var cursor = request.Before ?? request.After;
        List<(ContactListRow Row, ContactCursor Cursor)> rows;
        switch (request.Sort)
        {
            case ContactSort.Updated:
                {
                    DateTime? at = null;
                    if (cursor is not null) at = cursor.TryTime(out var parsed) ? parsed : DateTime.MinValue;
                    var keyed = contacts.Select(c => new Keyed<DateTime> { C = c, Key = c.UpdatedAt });
                    // Newest first: forward walks to smaller keys.
                    if (at is { } t && cursor is not null)
                    {
                        var id = cursor.Id;
                        keyed = backward ? keyed.Where(x => x.Key > t || (x.Key == t && x.C.Id.CompareTo(id) > 0))
                                         : keyed.Where(x => x.Key < t || (x.Key == t && x.C.Id.CompareTo(id) < 0));
                    }
                    keyed = backward ? keyed.OrderBy(x => x.Key).ThenBy(x => x.C.Id) : keyed.OrderByDescending(x => x.Key).ThenByDescending(x => x.C.Id);
                    rows = (await Rows(keyed, userId, vaultId).ToListAsync(ct)).Select(r => (r.Row, ContactCursor.ForTime(r.Key, r.Row.Id))).ToList();
                    break;
                }
            case ContactSort.Consulted:
                {
                    int? count = null;
                    if (cursor is not null) count = cursor.TryCount(out var parsed) ? parsed : 0;
                    var keyed = contacts.Join(db.ContactUserStates.Where(s => s.UserId == userId && s.VaultId == vaultId && s.ViewCount > 0),
                        c => c.Id, s => s.ContactId, (c, s) => new Keyed<int> { C = c, Key = s.ViewCount });
                    if (count is { } n && cursor is not null)
                    {
                        var id = cursor.Id;
                        keyed = backward ? keyed.Where(x => x.Key > n || (x.Key == n && x.C.Id.CompareTo(id) > 0))
                                         : keyed.Where(x => x.Key < n || (x.Key == n && x.C.Id.CompareTo(id) < 0));
                    }
                    keyed = backward ? keyed.OrderBy(x => x.Key).ThenBy(x => x.C.Id) : keyed.OrderByDescending(x => x.Key).ThenByDescending(x => x.C.Id);
                    rows = (await Rows(keyed, userId, vaultId).ToListAsync(ct)).Select(r => (r.Row, ContactCursor.ForCount(r.Key, r.Row.Id))).ToList();
                    break;
                }
            default:
                {
                    var keyed = ContactNames.SortsByLastName(nameOrder)
                        ? contacts.Select(c => new Keyed<string> { C = c, Key = c.SortByLast })
                        : contacts.Select(c => new Keyed<string> { C = c, Key = c.SortByFirst });
                    if (cursor is not null)
                    {
                        var (k, id) = (cursor.Key, cursor.Id);
                        keyed = backward ? keyed.Where(x => x.Key.CompareTo(k) < 0 || (x.Key == k && x.C.Id.CompareTo(id) < 0))
                                         : keyed.Where(x => x.Key.CompareTo(k) > 0 || (x.Key == k && x.C.Id.CompareTo(id) > 0));
                    }
                    keyed = backward ? keyed.OrderByDescending(x => x.Key).ThenByDescending(x => x.C.Id) : keyed.OrderBy(x => x.Key).ThenBy(x => x.C.Id);
                    rows = (await Rows(keyed, userId, vaultId).ToListAsync(ct)).Select(r => (r.Row, new ContactCursor(r.Key, r.Row.Id))).ToList();
                    break;
                }
        }

        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (backward) rows.Reverse();
        ContactCursor? next = null, previous = null;
        if (rows.Count > 0)
        {
            if (backward || more) next = rows[^1].Cursor;
            if ((backward && more) || (!backward && cursor is not null)) previous = rows[0].Cursor;
        }
        return new ContactListPage(rows.Select(r => r.Row).ToList(), next, previous);
    }

    private IQueryable<KeyedRow<TKey>> Rows<TKey>(IQueryable<Keyed<TKey>> ordered, Guid userId, Guid vaultId) =>
        ordered.Take(PageSize + 1).Select(x => new KeyedRow<TKey>
        {
            Row = new ContactListRow
            {
                Id = x.C.Id,
                FirstName = x.C.FirstName,
                MiddleName = x.C.MiddleName,
                LastName = x.C.LastName,
                Nickname = x.C.Nickname,
                IsArchived = x.C.IsArchived,
                AvatarFile = x.C.AvatarFile,
                IsFavorite = db.ContactUserStates.Any(s => s.UserId == userId && s.ContactId == x.C.Id && s.IsFavorite),
                IsMe = db.VaultMembers.Any(m => m.VaultId == vaultId && m.UserId == userId && m.MeContactId == x.C.Id),
                // Scalar lookups, not a join: SQLite cannot push the contact id into a joined subquery and would read
                // every label assignment of the database for each page (85 ms at 10,000 contacts instead of 0.2 ms).
                Labels = db.ContactLabels.Where(cl => cl.ContactId == x.C.Id)
                    .OrderBy(cl => db.Labels.Where(l => l.Id == cl.LabelId).Select(l => l.Name).First())
                    .Select(cl => new ContactLabelChip(cl.LabelId,
                        db.Labels.Where(l => l.Id == cl.LabelId).Select(l => l.Name).First(),
                        db.Labels.Where(l => l.Id == cl.LabelId).Select(l => l.Colour).First()))
                    .ToList(),
            },
            Key = x.Key,
        });
}
