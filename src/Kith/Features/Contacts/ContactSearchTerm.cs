using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Contacts;

/// <summary>
/// One folded word a contact can be found by (a name, a nickname, an email, a phone's digits, a company, a label).
/// Search is a prefix range on (VaultId, Term): an index seek whatever the vault's size, on SQLite and PostgreSQL alike.
/// </summary>
public sealed class ContactSearchTerm
{
    public Guid VaultId { get; private set; }
    public string Term { get; private set; } = "";
    public Guid ContactId { get; private set; }

    public static ContactSearchTerm Create(Guid vaultId, Guid contactId, string term) => new() { VaultId = vaultId, ContactId = contactId, Term = term };
}

public static class SearchLengths
{
    public const int Term = 100;
    public const int Query = 100;
}

internal sealed class ContactSearchTermConfiguration : IEntityTypeConfiguration<ContactSearchTerm>
{
    public void Configure(EntityTypeBuilder<ContactSearchTerm> builder)
    {
        builder.ToTable("ContactSearchTerms");
        builder.HasKey(t => new { t.VaultId, t.Term, t.ContactId });
        builder.Property(t => t.Term).HasMaxLength(SearchLengths.Term);
        builder.HasOne<Contact>().WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ContactId, t.Term });
    }
}
