using Kith.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Personalization;

/// <summary>The account-level lists an administrator tailors. One table: they share shape, ordering and replace-on-delete.</summary>
public enum PersonalizationKind
{
    Gender = 1,
    Pronoun = 2,
    Religion = 3,
    RelationshipType = 4,
    ContactInformationType = 5,
    AddressType = 6,
    PetCategory = 7,
    GroupType = 8,
    GroupRole = 9,
}

/// <summary>How a contact-information value becomes a link. Only these schemes are ever rendered as links.</summary>
public enum LinkScheme
{
    None = 0,
    Email = 1,
    Phone = 2,
    Web = 3,
}

public sealed class PersonalizationItem
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AccountId { get; private set; }
    public PersonalizationKind Kind { get; private set; }
    public string Name { get; set; } = "";

    /// <summary>Relationship types only: the name seen from the other side (parent ↔ child). Same as Name when symmetric.</summary>
    public string? ReverseName { get; set; }

    /// <summary>Contact-information types only.</summary>
    public LinkScheme Scheme { get; set; }

    /// <summary>Group roles only: the group type they belong to.</summary>
    public Guid? ParentId { get; private set; }

    public int Position { get; set; }

    public static PersonalizationItem Create(Guid accountId, PersonalizationKind kind, string name, int position,
        string? reverseName = null, LinkScheme scheme = LinkScheme.None, Guid? parentId = null) =>
        new() { AccountId = accountId, Kind = kind, Name = name, Position = position, ReverseName = reverseName, Scheme = scheme, ParentId = parentId };
}

public static class PersonalizationLengths
{
    public const int Name = 100;
}

internal sealed class PersonalizationItemConfiguration : IEntityTypeConfiguration<PersonalizationItem>
{
    public void Configure(EntityTypeBuilder<PersonalizationItem> builder)
    {
        builder.ToTable("PersonalizationItems", t =>
        {
            t.HasCheckConstraint("CK_PersonalizationItems_Kind", "\"Kind\" BETWEEN 1 AND 9");
            t.HasCheckConstraint("CK_PersonalizationItems_Scheme", "\"Scheme\" BETWEEN 0 AND 3");
        });
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(PersonalizationLengths.Name).IsRequired();
        builder.Property(i => i.ReverseName).HasMaxLength(PersonalizationLengths.Name);
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.AccountId, i.Kind, i.Position });
        builder.HasIndex(i => i.ParentId);
    }
}
