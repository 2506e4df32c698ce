using Kith.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account.Passkeys;

/// <summary>
/// The server half of one WebAuthn ceremony (the challenge Identity's passkey handler issued), kept in the
/// database so it works across app instances and can be used once: taking it deletes it.
/// </summary>
public sealed class PasskeyChallenge
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>SHA-256 of the handle the browser holds; the handle itself is never stored.</summary>
    public string Key { get; private set; } = "";
    public string Purpose { get; private set; } = "";

    /// <summary>The user the ceremony is bound to; null for a passwordless sign-in, where the passkey names the user.</summary>
    public Guid? UserId { get; private set; }
    public string State { get; private set; } = "";
    public DateTime ExpiresAt { get; private set; }

    public static PasskeyChallenge Issue(string key, string purpose, Guid? userId, string state, DateTime expiresAt) => new()
    {
        Key = key,
        Purpose = purpose,
        UserId = userId,
        State = state,
        ExpiresAt = expiresAt,
    };
}

internal sealed class PasskeyChallengeConfiguration : IEntityTypeConfiguration<PasskeyChallenge>
{
    public void Configure(EntityTypeBuilder<PasskeyChallenge> builder)
    {
        builder.ToTable("PasskeyChallenges");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Key).HasMaxLength(FieldLengths.PasskeyHandle).IsRequired();
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Purpose).HasMaxLength(FieldLengths.PasskeyCeremonyPurpose).IsRequired();
        builder.Property(c => c.State).HasMaxLength(FieldLengths.PasskeyChallengeState).IsRequired();
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
