using MimeKit;

namespace Kith.BrowserTests.Infrastructure;

/// <summary>Reads the .eml files Kith's pickup-directory transport writes when no SMTP server is configured.</summary>
public static class Mailbox
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    public sealed record Mail(string Subject, string TextBody);

    /// <summary>The newest message to <paramref name="recipient"/>, waiting for the delivery worker to write it.</summary>
    public static async Task<Mail> NewestToAsync(string folder, string recipient, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var mail = await NewestToOrNullAsync(folder, recipient, ct);
            if (mail is not null) return mail;
            try
            {
                await Task.Delay(PollEvery, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"No mail to {recipient} appeared in {folder} within {timeout.TotalSeconds:0} s.");
            }
        }
    }

    /// <summary>The link in the plain-text body that starts with <paramref name="prefix"/>.</summary>
    public static Uri LinkStartingWith(Mail mail, Uri prefix)
    {
        var link = mail.TextBody.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(word => word.StartsWith(prefix.ToString(), StringComparison.Ordinal));
        return link is null
            ? throw new InvalidOperationException($"'{mail.Subject}' has no link starting with {prefix}:\n{mail.TextBody}")
            : new Uri(link);
    }

    private static async Task<Mail?> NewestToOrNullAsync(string folder, string recipient, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return null;
        var received = new List<(DateTimeOffset Sent, DateTime Written, Mail Mail)>();
        // Only finished files: the transport writes NAME.eml.tmp and then renames it to NAME.eml.
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            using var message = await MimeMessage.LoadAsync(file, ct);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
                received.Add((message.Date, File.GetLastWriteTimeUtc(file), new Mail(message.Subject ?? "", message.TextBody ?? "")));
        }
        return received.OrderBy(r => r.Sent).ThenBy(r => r.Written).Select(r => r.Mail).LastOrDefault();
    }
}
