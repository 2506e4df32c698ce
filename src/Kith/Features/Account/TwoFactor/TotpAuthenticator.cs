using Kith.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account.TwoFactor;

/// <summary>
/// A user's authenticator-app secret, sealed with the master key (AES-256-GCM, bound to the user id), never stored in clear.
/// Unconfirmed until the user proves the app works with a first code. <see cref="LastAcceptedStep"/> makes each code single use.
/// </summary>
public sealed class TotpAuthenticator
{
    public Guid UserId { get; private set; }
    public byte[] SealedSeed { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime? ConfirmedAt { get; private set; }
    public long LastAcceptedStep { get; private set; }

    public static TotpAuthenticator Begin(Guid userId, byte[] sealedSeed, DateTime now) =>
        new() { UserId = userId, SealedSeed = sealedSeed, CreatedAt = now, LastAcceptedStep = long.MinValue };
}

internal sealed class TotpAuthenticatorConfiguration : IEntityTypeConfiguration<TotpAuthenticator>
{
    public void Configure(EntityTypeBuilder<TotpAuthenticator> builder)
    {
        builder.ToTable("TotpAuthenticators");
        builder.HasKey(t => t.UserId);
        builder.Property(t => t.SealedSeed).HasMaxLength(TwoFactorLengths.SealedSeed).IsRequired();
        builder.HasOne<User>().WithOne().HasForeignKey<TotpAuthenticator>(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class TwoFactorLengths
{
    public const int SealedSeed = 64;
    public const int Hash = 32;
    public const int Salt = 16;
    public const int CodeInput = 32;
}
