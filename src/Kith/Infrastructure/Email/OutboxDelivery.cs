using Kith.Data;
using Kith.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kith.Infrastructure.Email;

/// <summary>
/// Delivers due outbox messages. Each message is claimed with a lease (an atomic conditional update that
/// stamps a token), so several workers or instances never send the same message concurrently, and a worker
/// whose lease ran out can no longer change the row. A retried message keeps its Message-ID, so the one
/// unavoidable duplicate (server accepted, acknowledgement lost) is recognisable.
/// </summary>
public sealed class OutboxDelivery(AppDbContext db, IMailTransport transport, TimeProvider clock, IOptionsMonitor<KithOptions> options, ILogger<OutboxDelivery> logger)
{
    // Far longer than the worst send: MailKit times out each SMTP step after 30 s.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    public async Task<int> DeliverDueAsync(int batchSize, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            if (await TryDeliverAsync(id, ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> TryDeliverAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + Lease;
        var token = Guid.NewGuid();
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAt == null && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.LeaseUntil, leaseUntil).SetProperty(x => x.LeaseToken, token), ct);
        if (claimed == 0) return false;

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        var mine = db.OutboxMessages.Where(m => m.Id == id && m.LeaseToken == token);
        try
        {
            await transport.SendAsync(ToMime(message), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var error = Clip($"{ex.GetType().Name}: {ex.Message}");
            await mine.ExecuteUpdateAsync(m => m
                .SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.NextAttemptAt, clock.GetUtcNow().UtcDateTime + Backoff(attempts))
                .SetProperty(x => x.LeaseUntil, (DateTime?)null)
                .SetProperty(x => x.LeaseToken, (Guid?)null)
                .SetProperty(x => x.LastError, error), CancellationToken.None);
            logger.LogWarning("Mail {OutboxId} not delivered (attempt {Attempt}): {Error}", id, attempts, error);
            return false;
        }

        await mine.ExecuteUpdateAsync(m => m
            .SetProperty(x => x.SentAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(x => x.LeaseUntil, (DateTime?)null)
            .SetProperty(x => x.LeaseToken, (Guid?)null)
            .SetProperty(x => x.Attempts, x => x.Attempts + 1)
            // Bodies may hold single-use links; once delivered they need not stay in the database.
            .SetProperty(x => x.TextBody, "")
            .SetProperty(x => x.HtmlBody, "")
            .SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
        logger.LogInformation("Mail {OutboxId} delivered", id);
        return true;
    }

    public static TimeSpan Backoff(int attempts)
    {
        var seconds = 15 * Math.Pow(2, Math.Min(attempts - 1, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoff.TotalSeconds));
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = $"{message.Id:N}@kith", Date = message.CreatedAt };
        mime.From.Add(MailboxAddress.Parse(options.CurrentValue.Smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static string Clip(string value) => value.Length > Data.FieldLengths.ErrorText ? value[..Data.FieldLengths.ErrorText] : value;
}
