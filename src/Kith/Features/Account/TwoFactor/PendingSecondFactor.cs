using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account.TwoFactor;

/// <summary>
/// A correct password waiting for its second factor. The browser holds a random token (hash stored here);
/// a row neither completed nor noticed within <see cref="Lifetime"/> is logged once as abandoned.
/// </summary>
public sealed class PendingSecondFactor
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UserId { get; private set; }
    public Guid AccountId { get; private set; }
    public byte[] TokenHash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime? AbandonmentLoggedAt { get; private set; }

    public static PendingSecondFactor Start(User user, byte[] tokenHash, DateTime now) => new()
    {
        UserId = user.Id,
        AccountId = user.AccountId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };
}

internal sealed class PendingSecondFactorConfiguration : IEntityTypeConfiguration<PendingSecondFactor>
{
    public void Configure(EntityTypeBuilder<PendingSecondFactor> builder)
    {
        builder.ToTable("PendingSecondFactors");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.TokenHash).HasMaxLength(TwoFactorLengths.Hash).IsRequired();
        builder.HasIndex(p => p.TokenHash).IsUnique();
        builder.HasIndex(p => p.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
