using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults;

public sealed record VaultListInput
{
    [Required, StringLength(VaultListLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use a single line without control characters.")]
    public string Name { get; set; } = "";

    [StringLength(VaultListLengths.Colour)]
    public string? Colour { get; set; }
}

/// <summary>Writes to a vault's own lists (labels, important-date types, quick-fact templates), always through the scope's vault.</summary>
public sealed class ManageVaultLists(AppDbContext db, VaultScope scope)
{
    private IQueryable<Vault> Vault => db.Vaults.Current(scope);

    public IQueryable<Label> Labels => db.Labels.Where(l => Vault.Any(v => v.Id == l.VaultId));
    public IQueryable<ImportantDateType> DateTypes => db.ImportantDateTypes.Where(t => Vault.Any(v => v.Id == t.VaultId));
    public IQueryable<QuickFactTemplate> Templates => db.QuickFactTemplates.Where(t => Vault.Any(v => v.Id == t.VaultId));

    public static bool IsColour(string? colour) => colour is not null && LabelColours.All.Contains(colour);

    public async Task<ListChange> AddLabelAsync(VaultListInput input, CancellationToken ct)
    {
        if (!IsColour(input.Colour)) return ListChange.BadReplacement;
        if (!await Vault.AnyAsync(ct)) return ListChange.NotFound;
        db.Labels.Add(Label.Create(scope.VaultId, input.Name.Trim(), input.Colour!));
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    public async Task<ListChange> UpdateLabelAsync(Guid labelId, VaultListInput input, CancellationToken ct)
    {
        if (!IsColour(input.Colour)) return ListChange.BadReplacement;
        var label = await Labels.SingleOrDefaultAsync(l => l.Id == labelId, ct);
        if (label is null) return ListChange.NotFound;
        label.Name = input.Name.Trim();
        label.Colour = input.Colour!;
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    /// <summary>Tracked delete, so the contacts' search terms lose the label in the same save.</summary>
    public async Task<ListChange> DeleteLabelAsync(Guid labelId, CancellationToken ct)
    {
        var label = await Labels.SingleOrDefaultAsync(l => l.Id == labelId, ct);
        if (label is null) return ListChange.NotFound;
        db.ContactLabels.RemoveRange(await db.ContactLabels.Where(c => c.LabelId == labelId).ToListAsync(ct));
        db.Labels.Remove(label);
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    public async Task<ListChange> AddDateTypeAsync(VaultListInput input, CancellationToken ct)
    {
        if (!await Vault.AnyAsync(ct)) return ListChange.NotFound;
        var position = await DateTypes.AnyAsync(ct) ? await DateTypes.MaxAsync(t => t.Position, ct) + 1 : 0;
        db.ImportantDateTypes.Add(ImportantDateType.Create(scope.VaultId, input.Name.Trim(), ImportantDateKind.Custom, position));
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    public async Task<ListChange> RenameDateTypeAsync(Guid typeId, VaultListInput input, CancellationToken ct)
    {
        var type = await DateTypes.SingleOrDefaultAsync(t => t.Id == typeId, ct);
        if (type is null) return ListChange.NotFound;
        type.Name = input.Name.Trim();
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    /// <summary>Built-in types stay. A custom type in use moves its dates to another type of the vault first, in one transaction.</summary>
    public async Task<ListChange> DeleteDateTypeAsync(Guid typeId, Guid? replacementId, CancellationToken ct)
    {
        var type = await DateTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId && t.Kind == ImportantDateKind.Custom, ct);
        if (type is null) return ListChange.NotFound;
        if (replacementId is { } id && (id == typeId || !await DateTypes.AnyAsync(t => t.Id == id, ct))) return ListChange.BadReplacement;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.ImportantDates.AnyAsync(d => d.TypeId == typeId, ct))
        {
            if (replacementId is not { } to) return ListChange.ReplacementRequired;
            await db.ImportantDates.Where(d => d.TypeId == typeId).ExecuteUpdateAsync(s => s.SetProperty(d => d.TypeId, to), ct);
        }
        await DateTypes.Where(t => t.Id == typeId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return ListChange.Done;
    }

    public async Task<ListChange> AddTemplateAsync(VaultListInput input, CancellationToken ct)
    {
        if (!await Vault.AnyAsync(ct)) return ListChange.NotFound;
        var position = await Templates.AnyAsync(ct) ? await Templates.MaxAsync(t => t.Position, ct) + 1 : 0;
        db.QuickFactTemplates.Add(QuickFactTemplate.Create(scope.VaultId, input.Name.Trim(), position));
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    public async Task<ListChange> RenameTemplateAsync(Guid templateId, VaultListInput input, CancellationToken ct)
    {
        var template = await Templates.SingleOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null) return ListChange.NotFound;
        template.Name = input.Name.Trim();
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    public async Task<ListChange> MoveTemplateAsync(Guid templateId, bool up, CancellationToken ct)
    {
        var templates = await Templates.OrderBy(t => t.Position).ThenBy(t => t.Name).ToListAsync(ct);
        var index = templates.FindIndex(t => t.Id == templateId);
        if (index < 0) return ListChange.NotFound;
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < templates.Count) (templates[index], templates[other]) = (templates[other], templates[index]);
        for (var i = 0; i < templates.Count; i++) templates[i].Position = i;
        await db.SaveChangesAsync(ct);
        return ListChange.Done;
    }

    /// <summary>The template's facts go with it (the page asks for confirmation first).</summary>
    public async Task<ListChange> DeleteTemplateAsync(Guid templateId, CancellationToken ct) =>
        await Templates.Where(t => t.Id == templateId).ExecuteDeleteAsync(ct) == 0 ? ListChange.NotFound : ListChange.Done;
}
