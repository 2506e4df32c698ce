using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Infrastructure.Email;

public sealed record EmailContent(string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Queues mail inside the caller's unit of work: nothing is sent unless the caller's SaveChanges commits.
/// </summary>
public sealed class EmailOutbox(AppDbContext db, TimeProvider clock, OutboxSignal signal)
{
    private bool subscribed;

    /// <summary>
    /// Queues the message unless the same kind of message went to the same address within <paramref name="window"/>,
    /// so nobody can use Kith to flood an inbox, whatever number of addresses they send requests from.
    /// </summary>
    public async Task<bool> EnqueueUnlessRecentAsync(string recipient, EmailContent content, TimeSpan window, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - window;
        if (await db.OutboxMessages.AnyAsync(m => m.Recipient == recipient && m.Subject == content.Subject && m.CreatedAt > since, ct)) return false;
        Enqueue(recipient, content);
        return true;
    }

    public void Enqueue(string recipient, EmailContent content)
    {
        db.OutboxMessages.Add(OutboxMessage.Create(recipient, content.Subject, content.TextBody, content.HtmlBody, clock.GetUtcNow().UtcDateTime));
        if (subscribed) return;
        subscribed = true;
        db.SavedChanges += (_, _) => signal.Notify();
    }
}

/// <summary>Wakes the delivery worker early; it also polls, so a missed signal only delays mail.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        if (semaphore.CurrentCount == 0)
        {
            try { semaphore.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public void Dispose() => semaphore.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => semaphore.WaitAsync(timeout, ct);
}
