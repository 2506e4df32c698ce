using Kith.Data;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Contacts;

/// <summary>A person in a vault. Everything else about them hangs off this row and is deleted with it.</summary>
public sealed class Contact
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VaultId { get; private set; }
    public string? Prefix { get; set; }
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }
    public string? LastName { get; set; }
    public string? Suffix { get; set; }
    public string? Nickname { get; set; }
    public string? MaidenName { get; set; }
    public Guid? GenderId { get; set; }
    public Guid? PronounId { get; set; }
    public Guid? ReligionId { get; set; }
    public string? Description { get; set; }
    public PartialDate MetOn { get; set; } = new();
    public string? MetWhere { get; set; }
    public Guid? MetThroughContactId { get; set; }
    public string? MetNotes { get; set; }
    public string? FoodPreferences { get; set; }
    public string? JobPosition { get; set; }
    public Guid? CompanyId { get; set; }

    /// <summary>Case-folded, accent-free keys for ordering by first or by last name (see <see cref="ContactNames"/>).</summary>
    public string SortByFirst { get; private set; } = "";
    public string SortByLast { get; private set; } = "";

    public bool IsArchived { get; set; }

    /// <summary>Soft delete: hidden everywhere but the bin; purged after the restore window.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>Random file name of the re-encoded avatar under the data folder; null means the generated initials avatar.</summary>
    public string? AvatarFile { get; set; }

    public Guid CreatedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public static Contact Create(Guid vaultId, string firstName, Guid createdBy, DateTime now)
    {
        var contact = new Contact { VaultId = vaultId, FirstName = firstName, CreatedBy = createdBy, CreatedAt = now };
        contact.Touch(now);
        return contact;
    }

    /// <summary>Call after any change to the contact or its modules: refreshes sort keys and the "last updated" order.</summary>
    public void Touch(DateTime now)
    {
        SortByFirst = ContactNames.SortKey(FirstName, MiddleName, LastName, Nickname);
        SortByLast = ContactNames.SortKey(LastName, FirstName, MiddleName, Nickname);
        UpdatedAt = now;
    }
}

public static class ContactLengths
{
    public const int Name = 100;
    public const int SortKey = 420;
    public const int Description = 2000;
    public const int MetWhere = 200;
    public const int MetNotes = 2000;
    public const int FoodPreferences = 1000;
    public const int JobPosition = 100;
    public const int AvatarFile = 64;
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts", t => PartialDateConfiguration.Check(t, "Contacts", "Met"));
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Prefix).HasMaxLength(ContactLengths.Name);
        builder.Property(c => c.FirstName).HasMaxLength(ContactLengths.Name).IsRequired();
        builder.Property(c => c.MiddleName).HasMaxLength(ContactLengths.Name);
        builder.Property(c => c.LastName).HasMaxLength(ContactLengths.Name);
        builder.Property(c => c.Suffix).HasMaxLength(ContactLengths.Name);
        builder.Property(c => c.Nickname).HasMaxLength(ContactLengths.Name);
        builder.Property(c => c.MaidenName).HasMaxLength(ContactLengths.Name);
        builder.Property(c => c.Description).HasMaxLength(ContactLengths.Description);
        builder.ComplexProperty(c => c.MetOn, d => PartialDateConfiguration.Configure(d, "Met"));
        builder.Property(c => c.MetWhere).HasMaxLength(ContactLengths.MetWhere);
        builder.Property(c => c.MetNotes).HasMaxLength(ContactLengths.MetNotes);
        builder.Property(c => c.FoodPreferences).HasMaxLength(ContactLengths.FoodPreferences);
        builder.Property(c => c.JobPosition).HasMaxLength(ContactLengths.JobPosition);
        builder.Property(c => c.SortByFirst).HasMaxLength(ContactLengths.SortKey).IsRequired();
        builder.Property(c => c.SortByLast).HasMaxLength(ContactLengths.SortKey).IsRequired();
        builder.Property(c => c.AvatarFile).HasMaxLength(ContactLengths.AvatarFile);
        builder.HasOne<Vault>().WithMany().HasForeignKey(c => c.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(c => c.GenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(c => c.PronounId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(c => c.ReligionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(c => c.MetThroughContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.SetNull);
        // Keyset pagination: every list order is an index walk from the cursor, so page 150 costs what page 1 does.
        builder.HasIndex(c => new { c.VaultId, c.IsArchived, c.SortByFirst, c.Id }).HasFilter("\"DeletedAt\" IS NULL");
        builder.HasIndex(c => new { c.VaultId, c.IsArchived, c.SortByLast, c.Id }).HasFilter("\"DeletedAt\" IS NULL");
        builder.HasIndex(c => new { c.VaultId, c.IsArchived, c.UpdatedAt, c.Id }).HasFilter("\"DeletedAt\" IS NULL");
        builder.HasIndex(c => new { c.VaultId, c.DeletedAt });
        builder.HasIndex(c => c.CompanyId);
        builder.HasIndex(c => c.MetThroughContactId);
    }
}
