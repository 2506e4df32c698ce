using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed record QuickFactRow(Guid Id, Guid TemplateId, string TemplateName, string Content);

public sealed record QuickFactsView(Guid VaultId, Guid ContactId, bool CanEdit, IReadOnlyList<QuickFactRow> Rows)
{
    /// <summary>The answers under their prompt, prompts in the vault's order (the rows arrive sorted that way).</summary>
    public IEnumerable<IGrouping<string, QuickFactRow>> ByTemplate => Rows.GroupBy(r => r.TemplateName);
}

public sealed class QuickFactsModule(AppDbContext db) : IContactModule
{
    public ContactTab Tab => ContactTab.About;
    public int Order => 50;
    public string PartialName => "Modules/_QuickFacts";

    public async Task<object> LoadAsync(ContactPageContext context, CancellationToken ct)
    {
        var rows = await QuickFactQueries.RowsAsync(db, context.ContactId, ct);
        return new QuickFactsView(context.Scope.VaultId, context.ContactId, context.Scope.CanEdit, rows);
    }
}

public static class QuickFactQueries
{
    /// <summary>One query: the contact's facts with their prompt, in template order then in the order they were added.</summary>
    public static Task<List<QuickFactRow>> RowsAsync(AppDbContext db, Guid contactId, CancellationToken ct) =>
        (from f in db.QuickFacts
         join t in db.QuickFactTemplates on f.TemplateId equals t.Id
         where f.ContactId == contactId
         orderby t.Position, t.Name, t.Id, f.Id
         select new QuickFactRow(f.Id, t.Id, t.Name, f.Content)).ToListAsync(ct);
}
