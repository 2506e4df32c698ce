using Kith.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Infrastructure.Email;

/// <summary>
/// An email waiting to be delivered. Written in the same transaction as the change that causes it,
/// so a crash or an SMTP outage delays mail but never loses it.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTime CreatedAt { get; private set; }
    public string Recipient { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public Guid? LeaseToken { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    public static OutboxMessage Create(string recipient, string subject, string textBody, string htmlBody, DateTime now) => new()
    {
        Recipient = recipient,
        Subject = subject,
        TextBody = textBody,
        HtmlBody = htmlBody,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Recipient).HasMaxLength(FieldLengths.Email).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(FieldLengths.EmailSubject).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.HtmlBody).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(FieldLengths.ErrorText);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
