using Kith.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account.Sessions;

/// <summary>
/// The server-side half of a sign-in. The auth cookie only names <see cref="Key"/>;
/// deleting the row ends the session on its next request.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Key { get; private set; } = "";
    public Guid UserId { get; private set; }
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    /// <summary>When the user last proved their password in this session (signing in counts).</summary>
    public DateTime ReauthenticatedAt { get; set; }

    public static UserSession Start(string key, Guid userId, byte[] ticket, DateTime now, DateTime expiresAt, string? ip, string? userAgent) => new()
    {
        Key = key,
        UserId = userId,
        Ticket = ticket,
        CreatedAt = now,
        LastSeenAt = now,
        ReauthenticatedAt = now,
        ExpiresAt = expiresAt,
        IpAddress = ip,
        UserAgent = Truncate(userAgent, FieldLengths.UserAgent),
    };

    public bool IsActive(DateTime now, TimeSpan idleTimeout) => now < ExpiresAt && now - LastSeenAt < idleTimeout;

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Key).HasMaxLength(FieldLengths.SessionKey).IsRequired();
        builder.HasIndex(s => s.Key).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.Property(s => s.IpAddress).HasMaxLength(FieldLengths.IpAddress);
        builder.Property(s => s.UserAgent).HasMaxLength(FieldLengths.UserAgent);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
