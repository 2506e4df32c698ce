using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts.Activity;

public sealed record ContactActivityView(IReadOnlyList<FeedLine> Lines);

/// <summary>The latest changes to one contact, newest first, with who made them, in one query.</summary>
public sealed class ContactActivityModule(AppDbContext db, TimeProvider clock) : IContactModule
{
    public const int Limit = 50;

    public ContactTab Tab => ContactTab.Activity;
    public int Order => 10;
    public string PartialName => "Modules/_ContactActivity";

    public async Task<object> LoadAsync(ContactPageContext context, CancellationToken ct)
    {
        var id = context.ContactId;
        var rows = await db.FeedEntries
            .Where(e => e.VaultId == context.Scope.VaultId && e.ContactId == id)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(Limit)
            .Select(e => new { e.Action, e.Detail, e.OccurredAt, User = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new ContactActivityView(rows
            .Select(r => new FeedLine(r.User ?? FeedText.FormerUser, FeedText.Sentence(r.Action), r.Detail, r.OccurredAt, FeedText.Relative(r.OccurredAt, now)))
            .ToList());
    }
}
