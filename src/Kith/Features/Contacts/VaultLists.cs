using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Contacts;

/// <summary>A coloured tag defined per vault (e.g. "Book club").</summary>
public sealed class Label
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VaultId { get; private set; }
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="LabelColours.All"/>: a fixed palette, rendered as a CSS class, never as inline style.</summary>
    public string Colour { get; set; } = LabelColours.All[0];

    public static Label Create(Guid vaultId, string name, string colour) => new() { VaultId = vaultId, Name = name, Colour = colour };
}

public static class LabelColours
{
    public static readonly IReadOnlyList<string> All = ["grey", "red", "orange", "yellow", "green", "teal", "blue", "purple", "pink"];
}

public enum ImportantDateKind
{
    Custom = 0,
    Birthday = 1,
    Deceased = 2,
}

/// <summary>A type of important date in a vault: the built-in birthday and deceased types, plus the vault's own.</summary>
public sealed class ImportantDateType
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VaultId { get; private set; }
    public string Name { get; set; } = "";
    public ImportantDateKind Kind { get; private set; }
    public int Position { get; set; }

    public static ImportantDateType Create(Guid vaultId, string name, ImportantDateKind kind, int position) =>
        new() { VaultId = vaultId, Name = name, Kind = kind, Position = position };
}

/// <summary>A prompt shown on every contact of the vault, such as "Hobbies".</summary>
public sealed class QuickFactTemplate
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VaultId { get; private set; }
    public string Name { get; set; } = "";
    public int Position { get; set; }

    public static QuickFactTemplate Create(Guid vaultId, string name, int position) => new() { VaultId = vaultId, Name = name, Position = position };
}

/// <summary>A company of the vault; contacts work there.</summary>
public sealed class Company
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VaultId { get; private set; }
    public string Name { get; set; } = "";

    public static Company Create(Guid vaultId, string name) => new() { VaultId = vaultId, Name = name };
}

public static class VaultListLengths
{
    public const int Name = 100;
    public const int Colour = 16;
}

internal sealed class VaultListsConfiguration :
    IEntityTypeConfiguration<Label>, IEntityTypeConfiguration<ImportantDateType>,
    IEntityTypeConfiguration<QuickFactTemplate>, IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.ToTable("Labels");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(VaultListLengths.Name).IsRequired();
        builder.Property(l => l.Colour).HasMaxLength(VaultListLengths.Colour).IsRequired();
        builder.HasOne<Vault>().WithMany().HasForeignKey(l => l.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.VaultId, l.Name });
    }

    public void Configure(EntityTypeBuilder<ImportantDateType> builder)
    {
        builder.ToTable("ImportantDateTypes", t => t.HasCheckConstraint("CK_ImportantDateTypes_Kind", "\"Kind\" BETWEEN 0 AND 2"));
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(VaultListLengths.Name).IsRequired();
        builder.HasOne<Vault>().WithMany().HasForeignKey(t => t.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.VaultId, t.Position });
    }

    public void Configure(EntityTypeBuilder<QuickFactTemplate> builder)
    {
        builder.ToTable("QuickFactTemplates");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(VaultListLengths.Name).IsRequired();
        builder.HasOne<Vault>().WithMany().HasForeignKey(t => t.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.VaultId, t.Position });
    }

    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("Companies");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(VaultListLengths.Name).IsRequired();
        builder.HasOne<Vault>().WithMany().HasForeignKey(c => c.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.VaultId, c.Name });
    }
}
