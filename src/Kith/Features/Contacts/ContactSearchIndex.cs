using System.Text;
using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Contacts;

/// <summary>
/// Keeps <see cref="ContactSearchTerm"/> rows in step with what a contact can be found by. <see cref="AppDbContext"/> calls it
/// from SaveChanges whenever a name, contact information, a company or a label changes, inside the same transaction, so
/// no write path can forget it and the terms never disagree with the data.
/// </summary>
public static class ContactSearchIndex
{
    /// <summary>Contacts whose terms the pending changes may affect.</summary>
    public static async Task<HashSet<Guid>> AffectedAsync(AppDbContext db, CancellationToken ct)
    {
        var ids = new HashSet<Guid>();
        foreach (var e in db.ChangeTracker.Entries<Contact>().Where(e => e.State is EntityState.Added or EntityState.Modified)) ids.Add(e.Entity.Id);
        foreach (var e in db.ChangeTracker.Entries<ContactInformation>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)) ids.Add(e.Entity.ContactId);
        foreach (var e in db.ChangeTracker.Entries<ContactLabel>().Where(e => e.State is EntityState.Added or EntityState.Deleted)) ids.Add(e.Entity.ContactId);
        var companies = db.ChangeTracker.Entries<Company>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        if (companies.Count > 0) ids.UnionWith(await db.Contacts.Where(c => c.CompanyId != null && companies.Contains(c.CompanyId.Value)).Select(c => c.Id).ToListAsync(ct));
        var labels = db.ChangeTracker.Entries<Label>().Where(e => e.State is EntityState.Modified or EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        if (labels.Count > 0) ids.UnionWith(await db.ContactLabels.Where(l => labels.Contains(l.LabelId)).Select(l => l.ContactId).ToListAsync(ct));
        return ids;
    }

    /// <summary>Recomputes the terms of <paramref name="contactIds"/> from the saved data and stages the difference.</summary>
    public static async Task StageAsync(AppDbContext db, IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        foreach (var chunk in contactIds.Chunk(500))
        {
            var rows = await db.Contacts.Where(c => chunk.Contains(c.Id))
                .Select(c => new
                {
                    Contact = c,
                    Company = db.Companies.Where(co => co.Id == c.CompanyId).Select(co => co.Name).FirstOrDefault(),
                    Information = db.ContactInformation.Where(i => i.ContactId == c.Id).Select(i => i.Value).ToList(),
                    Labels = db.ContactLabels.Where(l => l.ContactId == c.Id).Join(db.Labels, cl => cl.LabelId, l => l.Id, (cl, l) => l.Name).ToList(),
                    Existing = db.ContactSearchTerms.Where(t => t.ContactId == c.Id).Select(t => t.Term).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                var wanted = TermsFor(row.Contact, row.Company, row.Information, row.Labels);
                var existing = row.Existing.ToHashSet(StringComparer.Ordinal);
                foreach (var term in existing.Except(wanted))
                    db.ContactSearchTerms.Remove(db.ContactSearchTerms.Local.FirstOrDefault(t => t.ContactId == row.Contact.Id && t.Term == term)
                        ?? db.ContactSearchTerms.Attach(ContactSearchTerm.Create(row.Contact.VaultId, row.Contact.Id, term)).Entity);
                foreach (var term in wanted.Except(existing))
                    db.ContactSearchTerms.Add(ContactSearchTerm.Create(row.Contact.VaultId, row.Contact.Id, term));
            }
        }
    }

    public static HashSet<string> TermsFor(Contact contact, string? company, IEnumerable<string> information, IEnumerable<string> labels)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in new[] { contact.FirstName, contact.MiddleName, contact.LastName, contact.Nickname, contact.MaidenName, company }.Concat(labels))
            AddWords(terms, text);
        foreach (var value in information)
        {
            var folded = ContactNames.Fold(value);
            Add(terms, folded);
            AddWords(terms, value);
            // Phone numbers are typed from anywhere: with or without the country code, the area code, the
            // spaces. Every digit suffix of four or more makes any run of digits a prefix search.
            var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length >= 3) Add(terms, digits);
            for (var start = 1; digits.Length - start >= 4; start++) Add(terms, digits[start..]);
        }
        return terms;
    }

    /// <summary>Query words: folded, split on spaces, at most five, each cut to the term length.</summary>
    public static IReadOnlyList<string> QueryWords(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        return ContactNames.Fold(query).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > SearchLengths.Term ? w[..SearchLengths.Term] : w)
            .Distinct(StringComparer.Ordinal).Take(5).ToList();
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/> (byte order).</summary>
    public static string UpperBound(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        var last = runes[^1];
        var next = last.Value == 0xD7FF ? new Rune(0xE000) : last.Value >= 0x10FFFF ? last : new Rune(last.Value + 1);
        var builder = new StringBuilder();
        foreach (var rune in runes.Take(runes.Count - 1)) builder.Append(rune.ToString());
        builder.Append(next.ToString());
        return builder.ToString();
    }

    private static void AddWords(HashSet<string> terms, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var folded = ContactNames.Fold(text);
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c)) word.Append(c);
            else { Add(terms, word.ToString()); word.Clear(); }
        }
        Add(terms, word.ToString());
    }

    private static void Add(HashSet<string> terms, string term)
    {
        if (term.Length == 0) return;
        terms.Add(term.Length > SearchLengths.Term ? term[..SearchLengths.Term] : term);
    }
}
