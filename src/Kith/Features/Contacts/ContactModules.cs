using Kith.Features.Personalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Contacts;

public sealed class ImportantDate
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ContactId { get; private set; }
    public Guid TypeId { get; set; }

    /// <summary>Optional wording for this date ("Wedding anniversary"); the type's name otherwise.</summary>
    public string? Label { get; set; }

    public PartialDate Date { get; set; } = new();

    public static ImportantDate Create(Guid contactId, Guid typeId, PartialDate date, string? label) =>
        new() { ContactId = contactId, TypeId = typeId, Date = date, Label = label };
}

public enum ContactInformationKind
{
    Other = 0,
    Home = 1,
    Work = 2,
}

public sealed class ContactInformation
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ContactId { get; private set; }
    public Guid TypeId { get; set; }
    public ContactInformationKind Kind { get; set; }
    public string Value { get; set; } = "";
    public bool IsPreferred { get; set; }

    public static ContactInformation Create(Guid contactId, Guid typeId, ContactInformationKind kind, string value, bool preferred) =>
        new() { ContactId = contactId, TypeId = typeId, Kind = kind, Value = value, IsPreferred = preferred };
}

public sealed class Pet
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ContactId { get; private set; }
    public Guid CategoryId { get; set; }
    public string Name { get; set; } = "";

    public static Pet Create(Guid contactId, Guid categoryId, string name) => new() { ContactId = contactId, CategoryId = categoryId, Name = name };
}

public sealed class QuickFact
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ContactId { get; private set; }
    public Guid TemplateId { get; private set; }
    public string Content { get; set; } = "";

    public static QuickFact Create(Guid contactId, Guid templateId, string content) => new() { ContactId = contactId, TemplateId = templateId, Content = content };
}

public sealed class ContactLabel
{
    public Guid ContactId { get; private set; }
    public Guid LabelId { get; private set; }

    public static ContactLabel Create(Guid contactId, Guid labelId) => new() { ContactId = contactId, LabelId = labelId };
}

public static class ModuleLengths
{
    public const int DateLabel = 100;
    public const int ContactInformationValue = 255;
    public const int PetName = 100;
    public const int QuickFact = 1000;
}

internal sealed class ContactModulesConfiguration :
    IEntityTypeConfiguration<ImportantDate>, IEntityTypeConfiguration<ContactInformation>, IEntityTypeConfiguration<Pet>,
    IEntityTypeConfiguration<QuickFact>, IEntityTypeConfiguration<ContactLabel>
{
    public void Configure(EntityTypeBuilder<ImportantDate> builder)
    {
        builder.ToTable("ImportantDates", t => PartialDateConfiguration.Check(t, "ImportantDates", ""));
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Label).HasMaxLength(ModuleLengths.DateLabel);
        builder.ComplexProperty(d => d.Date, d => PartialDateConfiguration.Configure(d, ""));
        builder.HasOne<Contact>().WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ImportantDateType>().WithMany().HasForeignKey(d => d.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.ContactId);
        builder.HasIndex(d => d.TypeId);
    }

    public void Configure(EntityTypeBuilder<ContactInformation> builder)
    {
        builder.ToTable("ContactInformation", t => t.HasCheckConstraint("CK_ContactInformation_Kind", "\"Kind\" BETWEEN 0 AND 2"));
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Value).HasMaxLength(ModuleLengths.ContactInformationValue).IsRequired();
        builder.HasOne<Contact>().WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(i => i.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.ContactId);
        builder.HasIndex(i => i.TypeId);
    }

    public void Configure(EntityTypeBuilder<Pet> builder)
    {
        builder.ToTable("Pets");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(ModuleLengths.PetName).IsRequired();
        builder.HasOne<Contact>().WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PersonalizationItem>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.ContactId);
        builder.HasIndex(p => p.CategoryId);
    }

    public void Configure(EntityTypeBuilder<QuickFact> builder)
    {
        builder.ToTable("QuickFacts");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Content).HasMaxLength(ModuleLengths.QuickFact).IsRequired();
        builder.HasOne<Contact>().WithMany().HasForeignKey(f => f.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<QuickFactTemplate>().WithMany().HasForeignKey(f => f.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ContactId);
        builder.HasIndex(f => f.TemplateId);
    }

    public void Configure(EntityTypeBuilder<ContactLabel> builder)
    {
        builder.ToTable("ContactLabels");
        builder.HasKey(l => new { l.ContactId, l.LabelId });
        builder.HasOne<Contact>().WithMany().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Label>().WithMany().HasForeignKey(l => l.LabelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.LabelId, l.ContactId });
    }
}
