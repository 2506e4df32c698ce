using Kith.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account.KnownDevices;

/// <summary>
/// A browser that has signed in to this user before. The browser holds a random token (cookie), the server its
/// SHA-256 only. It proves nothing and grants nothing: it only decides whether a sign-in is worth an alert.
/// </summary>
public sealed class KnownDevice
{
    public const int HashLength = 32;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UserId { get; private set; }
    public byte[] TokenHash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }

    public static KnownDevice Note(Guid userId, byte[] tokenHash, DateTime now) => new() { UserId = userId, TokenHash = tokenHash, CreatedAt = now };
}

internal sealed class KnownDeviceConfiguration : IEntityTypeConfiguration<KnownDevice>
{
    public void Configure(EntityTypeBuilder<KnownDevice> builder)
    {
        builder.ToTable("KnownDevices");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.TokenHash).HasMaxLength(KnownDevice.HashLength).IsRequired();
        builder.HasIndex(d => new { d.UserId, d.TokenHash }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
