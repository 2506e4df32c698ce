using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Contacts.Modules;

public sealed record ImportantDateRow(Guid Id, string TypeName, ImportantDateKind Kind, string? Label, PartialDate Date)
{
    public string Name => string.IsNullOrEmpty(Label) ? TypeName : Label;
}

public sealed record ImportantDatesView(Guid VaultId, Guid ContactId, bool CanEdit, DateOnly Today, IReadOnlyList<ImportantDateRow> Rows)
{
    private PartialDate? Birthday => Rows.FirstOrDefault(r => r.Kind == ImportantDateKind.Birthday)?.Date;

    /// <summary>"aged 39", "turns 40 on 12 March", or for a death "died aged 80"; null when the year is unknown.</summary>
    public string? AgeText(ImportantDateRow row)
    {
        if (row.Kind == ImportantDateKind.Deceased)
        {
            if (Birthday is not { Year: not null } birth || row.Date is not { Year: { } y, Month: { } m }) return null;
            var age = birth.AgeOn(new DateOnly(y, m, row.Date.Day ?? DateTime.DaysInMonth(y, m)));
            return age is null ? null : $"died aged {age}";
        }
        if (row.Kind != ImportantDateKind.Birthday || row.Date.AgeOn(Today) is not { } years) return null;
        if (row.Date is { Month: { } month, Day: { } day } && !(month == 2 && day == 29))
        {
            var next = new DateOnly(Today.Year, month, day);
            if (next < Today) next = next.AddYears(1);
            if (next.DayNumber - Today.DayNumber <= 30 && next != Today)
                return $"turns {years + 1} on {next.ToString("d MMMM", System.Globalization.CultureInfo.CurrentCulture)}";
        }
        return $"aged {years}";
    }
}

public sealed class ImportantDatesModule(AppDbContext db) : IContactModule
{
    public ContactTab Tab => ContactTab.About;
    public int Order => 10;
    public string PartialName => "Modules/_ImportantDates";

    public async Task<object> LoadAsync(ContactPageContext context, CancellationToken ct)
    {
        var contactId = context.ContactId;
        // Type order (birthday first), then month and day so the year reads like a calendar.
        var rows = await (from d in db.ImportantDates
                          join t in db.ImportantDateTypes on d.TypeId equals t.Id
                          where d.ContactId == contactId
                          orderby t.Position, d.Date.Month, d.Date.Day, d.Date.Year
                          select new ImportantDateRow(d.Id, t.Name, t.Kind, d.Label, d.Date)).ToListAsync(ct);
        return new ImportantDatesView(context.Scope.VaultId, contactId, context.Scope.CanEdit, context.Today, rows);
    }
}
