using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Contacts;

/// <summary>
/// One row per pair: <see cref="RelatedContactId"/> is <see cref="ContactId"/>'s &lt;type name&gt;, and seen from the
/// related contact the type's reverse name applies (a "parent" row reads as "child" from the other side).
/// </summary>
public sealed class Relationship
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VaultId { get; private set; }
    public Guid ContactId { get; private set; }
    public Guid RelatedContactId { get; private set; }
    public Guid TypeId { get; set; }

    public static Relationship Create(Guid vaultId, Guid contactId, Guid relatedContactId, Guid typeId) =>
        new() { VaultId = vaultId, ContactId = contactId, RelatedContactId = relatedContactId, TypeId = typeId };
}

/// <summary>An address of the vault; several contacts may share it (a household).</summary>
public sealed class Address
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VaultId { get; private set; }
    public Guid? TypeId { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? Province { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }

    public static Address Create(Guid vaultId) => new() { VaultId = vaultId };
}

public sealed class ContactAddress
{
    public Guid ContactId { get; private set; }
    public Guid AddressId { get; private set; }
    public bool IsPast { get; set; }

    public static ContactAddress Create(Guid contactId, Guid addressId, bool isPast) => new() { ContactId = contactId, AddressId = addressId, IsPast = isPast };
}

public sealed class Group
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VaultId { get; private set; }
    public Guid? TypeId { get; set; }
    public string Name { get; set; } = "";

    public static Group Create(Guid vaultId, string name, Guid? typeId) => new() { VaultId = vaultId, Name = name, TypeId = typeId };
}

public sealed class GroupMember
{
    public Guid GroupId { get; private set; }
    public Guid ContactId { get; private set; }

    /// <summary>A role of the group's type (family: parent, child); optional.</summary>
    public Guid? RoleId { get; set; }

    public static GroupMember Create(Guid groupId, Guid contactId, Guid? roleId) => new() { GroupId = groupId, ContactId = contactId, RoleId = roleId };
}

public static class ConnectionLengths
{
    public const int AddressLine = 200;
    public const int City = 100;
    public const int Province = 100;
    public const int PostalCode = 20;
    public const int Country = 100;
    public const int GroupName = 100;
}

internal sealed class ConnectionsConfiguration :
    IEntityTypeConfiguration<Relationship>, IEntityTypeConfiguration<Address>, IEntityTypeConfiguration<ContactAddress>,
    IEntityTypeConfiguration<Group>, IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<Relationship> builder)
    {
        builder.ToTable("Relationships", t => t.HasCheckConstraint("CK_Relationships_NotSelf", "\"ContactId\" <> \"RelatedContactId\""));
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Vault>().WithMany().HasForeignKey(r => r.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.RelatedContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(r => r.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ContactId, r.RelatedContactId, r.TypeId }).IsUnique();
        builder.HasIndex(r => r.RelatedContactId);
        builder.HasIndex(r => r.TypeId);
        builder.HasIndex(r => r.VaultId);
    }

    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("Addresses");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Line1).HasMaxLength(ConnectionLengths.AddressLine);
        builder.Property(a => a.Line2).HasMaxLength(ConnectionLengths.AddressLine);
        builder.Property(a => a.City).HasMaxLength(ConnectionLengths.City);
        builder.Property(a => a.Province).HasMaxLength(ConnectionLengths.Province);
        builder.Property(a => a.PostalCode).HasMaxLength(ConnectionLengths.PostalCode);
        builder.Property(a => a.Country).HasMaxLength(ConnectionLengths.Country);
        builder.HasOne<Vault>().WithMany().HasForeignKey(a => a.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(a => a.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.VaultId);
        builder.HasIndex(a => a.TypeId);
    }

    public void Configure(EntityTypeBuilder<ContactAddress> builder)
    {
        builder.ToTable("ContactAddresses");
        builder.HasKey(a => new { a.ContactId, a.AddressId });
        builder.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Address>().WithMany().HasForeignKey(a => a.AddressId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.AddressId);
    }

    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("Groups");
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(ConnectionLengths.GroupName).IsRequired();
        builder.HasOne<Vault>().WithMany().HasForeignKey(g => g.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(g => g.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.VaultId, g.Name });
        builder.HasIndex(g => g.TypeId);
    }

    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("GroupMembers");
        builder.HasKey(m => new { m.GroupId, m.ContactId });
        builder.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(m => m.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(m => m.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.ContactId);
        builder.HasIndex(m => m.RoleId);
    }
}
