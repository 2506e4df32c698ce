using System.Security.Cryptography;
using System.Text;
using Kith.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Accounts;

/// <summary>
/// An invitation to join an account. Only the SHA-256 of its token is stored; sending it again replaces the
/// token (the old link stops working); it is used once.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AccountId { get; private set; }
    public string Email { get; private set; } = "";
    public string NormalizedEmail { get; private set; } = "";
    public AccountRole Role { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid InvitedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public bool IsPending(DateTime now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public static (Invitation Invitation, string Token) Create(Guid accountId, string email, AccountRole role, Guid invitedBy, DateTime now, TimeSpan lifetime)
    {
        var invitation = new Invitation
        {
            AccountId = accountId,
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            Role = role,
            InvitedByUserId = invitedBy,
            CreatedAt = now,
        };
        return (invitation, invitation.Renew(now, lifetime));
    }

    /// <summary>A new token and expiry; the previous link no longer matches any row.</summary>
    public string Renew(DateTime now, TimeSpan lifetime)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        TokenHash = Hash(token);
        ExpiresAt = now + lifetime;
        return token;
    }

    public void Accept(DateTime now) => AcceptedAt = now;

    public void Revoke(DateTime now) => RevokedAt = now;

    public static string Hash(string token) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(FieldLengths.Email).IsRequired();
        builder.Property(i => i.NormalizedEmail).HasMaxLength(FieldLengths.Email).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(FieldLengths.SessionKey).IsRequired();
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(FieldLengths.RoleName);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.AccountId, i.NormalizedEmail });
        builder.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
