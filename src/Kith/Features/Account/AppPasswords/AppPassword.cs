using Kith.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account.AppPasswords;

/// <summary>What an app password may reach. Stored by name, so new scopes can be added without renumbering.</summary>
public enum AppPasswordScope
{
    CardDav,
    CalDav,
}

public static class AppPasswordLengths
{
    public const int Name = 100;
    public const int LookupId = 16;
    public const int Hash = 32;
    public const int Scope = 16;
}

/// <summary>
/// A long random secret for one sync client. The server keeps only its SHA-256: the secret has 256 bits of entropy,
/// so a fast hash is as safe as a slow one and keeps each DAV request cheap. <see cref="LookupId"/> is not secret.
/// </summary>
public sealed class AppPassword
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public AppPasswordScope Scope { get; private set; }
    public string LookupId { get; private set; } = "";
    public byte[] SecretHash { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public static AppPassword Issue(Guid userId, string name, AppPasswordScope scope, string lookupId, byte[] secretHash, DateTime now) => new()
    {
        UserId = userId,
        Name = name,
        Scope = scope,
        LookupId = lookupId,
        SecretHash = secretHash,
        CreatedAt = now,
    };
}

internal sealed class AppPasswordConfiguration : IEntityTypeConfiguration<AppPassword>
{
    public void Configure(EntityTypeBuilder<AppPassword> builder)
    {
        builder.ToTable("AppPasswords");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(AppPasswordLengths.Name).IsRequired();
        builder.Property(p => p.Scope).HasConversion<string>().HasMaxLength(AppPasswordLengths.Scope).IsRequired();
        builder.Property(p => p.LookupId).HasMaxLength(AppPasswordLengths.LookupId).IsRequired();
        builder.Property(p => p.SecretHash).HasMaxLength(AppPasswordLengths.Hash).IsRequired();
        builder.HasIndex(p => p.LookupId).IsUnique();
        builder.HasIndex(p => p.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
