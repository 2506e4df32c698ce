using Kith.Data;
using Kith.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Vaults;

/// <summary>A space inside an account that holds contacts and everything about them.</summary>
public sealed class Vault
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AccountId { get; private set; }
    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public List<VaultMember> Members { get; private set; } = [];

    public static Vault Create(Guid accountId, string name, string description, User creator, DateTime now)
    {
        var vault = new Vault { AccountId = accountId, Name = name, Description = description, CreatedAt = now, UpdatedAt = now };
        vault.Members.Add(VaultMember.Grant(vault.Id, creator.Id, VaultAccessLevel.Manager, now));
        return vault;
    }

    public void Describe(string name, string description, DateTime now)
    {
        Name = name;
        Description = description;
        UpdatedAt = now;
    }
}

/// <summary>What a user may do in a vault. No row means the vault does not exist for that user.</summary>
public enum VaultAccessLevel
{
    Viewer = 1,
    Editor = 2,
    Manager = 3,
}

public sealed class VaultMember
{
    public Guid VaultId { get; private set; }
    public Guid UserId { get; private set; }
    public VaultAccessLevel Access { get; set; }
    public DateTime GrantedAt { get; private set; }
    public User? User { get; private set; }

    /// <summary>The contact that is this user in this vault ("me"), if they chose one.</summary>
    public Guid? MeContactId { get; set; }

    public static VaultMember Grant(Guid vaultId, Guid userId, VaultAccessLevel access, DateTime now) =>
        new() { VaultId = vaultId, UserId = userId, Access = access, GrantedAt = now };
}

public static class VaultLengths
{
    public const int Name = 100;
    public const int Description = 1000;
}

internal sealed class VaultConfiguration : IEntityTypeConfiguration<Vault>, IEntityTypeConfiguration<VaultMember>
{
    public void Configure(EntityTypeBuilder<Vault> builder)
    {
        builder.ToTable("Vaults");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Name).HasMaxLength(VaultLengths.Name).IsRequired();
        builder.Property(v => v.Description).HasMaxLength(VaultLengths.Description).IsRequired();
        builder.HasOne<Accounts.Account>().WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Members).WithOne().HasForeignKey(m => m.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.AccountId);
    }

    public void Configure(EntityTypeBuilder<VaultMember> builder)
    {
        builder.ToTable("VaultMembers", t => t.HasCheckConstraint("CK_VaultMembers_Access", "\"Access\" BETWEEN 1 AND 3"));
        builder.HasKey(m => new { m.VaultId, m.UserId });
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Contacts.Contact>().WithMany().HasForeignKey(m => m.MeContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.MeContactId);
    }
}
