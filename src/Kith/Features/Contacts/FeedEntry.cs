using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Contacts;

/// <summary>One line of a vault's or contact's activity feed: who changed what, when.</summary>
public sealed class FeedEntry
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid VaultId { get; private set; }
    public Guid? ContactId { get; private set; }

    /// <summary>No foreign key: the feed keeps its history when a user leaves the account.</summary>
    public Guid? UserId { get; private set; }

    public DateTime OccurredAt { get; private set; }

    /// <summary>One of <see cref="FeedActions"/>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>What the action was about (a field name, a label name), shown as plain text.</summary>
    public string? Detail { get; private set; }

    public static FeedEntry Record(Guid vaultId, Guid? contactId, Guid? userId, DateTime now, string action, string? detail = null) => new()
    {
        VaultId = vaultId,
        ContactId = contactId,
        UserId = userId,
        OccurredAt = now,
        Action = action,
        Detail = detail is { Length: > FeedLengths.Detail } ? detail[..FeedLengths.Detail] : detail,
    };
}

public static class FeedActions
{
    public const string ContactCreated = "contact.created";
    public const string ContactUpdated = "contact.updated";
    public const string ContactArchived = "contact.archived";
    public const string ContactUnarchived = "contact.unarchived";
    public const string ContactDeleted = "contact.deleted";
    public const string ContactRestored = "contact.restored";
    public const string AvatarChanged = "contact.avatar_changed";
    public const string ImportantDateAdded = "date.added";
    public const string ImportantDateUpdated = "date.updated";
    public const string ImportantDateRemoved = "date.removed";
    public const string ContactInformationAdded = "contact_information.added";
    public const string ContactInformationUpdated = "contact_information.updated";
    public const string ContactInformationRemoved = "contact_information.removed";
    public const string AddressAdded = "address.added";
    public const string AddressUpdated = "address.updated";
    public const string AddressRemoved = "address.removed";
    public const string LabelAdded = "label.added";
    public const string LabelRemoved = "label.removed";
    public const string GroupJoined = "group.joined";
    public const string GroupLeft = "group.left";
    public const string RelationshipAdded = "relationship.added";
    public const string RelationshipRemoved = "relationship.removed";
    public const string PetAdded = "pet.added";
    public const string PetUpdated = "pet.updated";
    public const string PetRemoved = "pet.removed";
    public const string QuickFactAdded = "quick_fact.added";
    public const string QuickFactUpdated = "quick_fact.updated";
    public const string QuickFactRemoved = "quick_fact.removed";
}

public static class FeedLengths
{
    public const int Action = 64;
    public const int Detail = 200;
}

internal sealed class FeedEntryConfiguration : IEntityTypeConfiguration<FeedEntry>
{
    public void Configure(EntityTypeBuilder<FeedEntry> builder)
    {
        builder.ToTable("FeedEntries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(FeedLengths.Action).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(FeedLengths.Detail);
        builder.HasOne<Vault>().WithMany().HasForeignKey(e => e.VaultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.VaultId, e.OccurredAt });
        builder.HasIndex(e => new { e.ContactId, e.OccurredAt });
    }
}
