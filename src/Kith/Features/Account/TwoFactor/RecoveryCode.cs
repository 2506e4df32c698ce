using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account.TwoFactor;

/// <summary>One single-use recovery code, kept only as HMAC-SHA-256 under its own random salt (see docs/decisions/0007-mfa.md).</summary>
public sealed class RecoveryCode
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UserId { get; private set; }
    public byte[] Salt { get; private set; } = [];
    public byte[] Hash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }

    public static RecoveryCode Create(Guid userId, byte[] salt, byte[] hash, DateTime now) =>
        new() { UserId = userId, Salt = salt, Hash = hash, CreatedAt = now };
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("RecoveryCodes");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Salt).HasMaxLength(TwoFactorLengths.Salt).IsRequired();
        builder.Property(c => c.Hash).HasMaxLength(TwoFactorLengths.Hash).IsRequired();
        builder.HasIndex(c => c.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
