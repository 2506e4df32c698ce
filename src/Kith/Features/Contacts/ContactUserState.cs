using Kith.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Contacts;

/// <summary>What one user (not the whole vault) thinks of a contact: favourite, and how often they looked them up.</summary>
public sealed class ContactUserState
{
    public Guid UserId { get; private set; }
    public Guid ContactId { get; private set; }

    /// <summary>Copied from the contact so "my favourites / most consulted in this vault" is one index range.</summary>
    public Guid VaultId { get; private set; }

    public bool IsFavorite { get; set; }
    public int ViewCount { get; set; }
    public DateTime? LastViewedAt { get; set; }

    public static ContactUserState Create(Guid userId, Guid contactId, Guid vaultId) => new() { UserId = userId, ContactId = contactId, VaultId = vaultId };
}

internal sealed class ContactUserStateConfiguration : IEntityTypeConfiguration<ContactUserState>
{
    public void Configure(EntityTypeBuilder<ContactUserState> builder)
    {
        builder.ToTable("ContactUserStates");
        builder.HasKey(s => new { s.UserId, s.ContactId });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.VaultId, s.ViewCount, s.ContactId });
        builder.HasIndex(s => new { s.UserId, s.VaultId, s.IsFavorite });
        builder.HasIndex(s => s.ContactId);
    }
}
