using Kith.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account.TwoFactor;

/// <summary>
/// "Remember this device": the browser holds a random token, the server only its SHA-256 hash, bound to one user.
/// Deleting the row (revocation, disabling MFA, operator reset) makes the browser ask for the second factor again.
/// </summary>
public sealed class RememberedDevice
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UserId { get; private set; }
    public byte[] TokenHash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public string? UserAgent { get; private set; }

    public static RememberedDevice Remember(Guid userId, byte[] tokenHash, DateTime now, string? userAgent) => new()
    {
        UserId = userId,
        TokenHash = tokenHash,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
        UserAgent = userAgent is { Length: > FieldLengths.UserAgent } ? userAgent[..FieldLengths.UserAgent] : userAgent,
    };
}

internal sealed class RememberedDeviceConfiguration : IEntityTypeConfiguration<RememberedDevice>
{
    public void Configure(EntityTypeBuilder<RememberedDevice> builder)
    {
        builder.ToTable("RememberedDevices");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.TokenHash).HasMaxLength(TwoFactorLengths.Hash).IsRequired();
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => d.UserId);
        builder.Property(d => d.UserAgent).HasMaxLength(FieldLengths.UserAgent);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
