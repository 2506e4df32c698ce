using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Activity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Activity;

/// <summary>The vault's feed, newest first, a keyset page at a time: (OccurredAt, Id) of the last line is the cursor.</summary>
public sealed class IndexModel(AppDbContext db, VaultScope scope, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<FeedLine> Lines { get; private set; } = [];
    public long? NextAt { get; private set; }
    public Guid? NextId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? at, Guid? id, CancellationToken ct)
    {
        if (at is < 0 || at > DateTime.MaxValue.Ticks || (at is null) != (id is null)) return BadRequest();
        var vaultId = scope.VaultId;
        var userId = scope.UserId;
        var entries = db.FeedEntries.Where(e => e.VaultId == vaultId);
        if (at is { } ticks && id is { } lastId)
        {
            var before = new DateTime(ticks, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAt < before || (e.OccurredAt == before && e.Id.CompareTo(lastId) < 0));
        }
        var contacts = db.Contacts.InScopeIncludingDeleted(scope);
        var rows = await entries
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(PageSize + 1)
            .Select(e => new
            {
                e.Id,
                e.Action,
                e.Detail,
                e.OccurredAt,
                e.ContactId,
                User = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                Contact = contacts.Where(c => c.Id == e.ContactId).Select(c => new { c.FirstName, c.LastName, c.Nickname, c.DeletedAt }).FirstOrDefault(),
                NameOrder = db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var page = rows.Take(PageSize).ToList();
        Lines = page.Select(r => new FeedLine(r.User ?? FeedText.FormerUser, FeedText.Sentence(r.Action), r.Detail, r.OccurredAt, FeedText.Relative(r.OccurredAt, now),
                r.Contact is null ? null : r.ContactId,
                r.Contact is null ? null : ContactNames.Display(r.NameOrder ?? ContactNames.FirstLast, r.Contact.FirstName, r.Contact.LastName, r.Contact.Nickname),
                r.Contact?.DeletedAt is not null))
            .ToList();
        if (rows.Count > PageSize)
        {
            NextAt = page[^1].OccurredAt.Ticks;
            NextId = page[^1].Id;
        }
        return Page();
    }
}
