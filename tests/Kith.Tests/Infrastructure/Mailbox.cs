using MimeKit;

namespace Kith.Tests.Infrastructure;

/// <summary>Reads delivered mail (.eml files written by the pickup transport or by the SMTP sink).</summary>
public sealed class Mailbox(string directory)
{
    public IReadOnlyList<MimeMessage> All()
    {
        if (!Directory.Exists(directory)) return [];
        return Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();
    }

    public IReadOnlyList<MimeMessage> To(string recipient) =>
        All().Where(m => m.To.Mailboxes.Any(a => a.Address.Equals(recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    public async Task<MimeMessage> WaitForAsync(string recipient, string subjectContains, int expectedCount = 1, int timeoutSeconds = 30)
    {
        for (var waited = 0; waited < timeoutSeconds * 10; waited++)
        {
            var matching = To(recipient).Where(m => (m.Subject ?? "").Contains(subjectContains, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matching.Count >= expectedCount) return matching[expectedCount - 1];
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No mail '{subjectContains}' #{expectedCount} reached {recipient} within {timeoutSeconds} s.");
    }

    /// <summary>The link's path and query, to request through the test server whatever host the link names.</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    public static string LinkIn(MimeMessage message, string pathFragment)
    {
        var text = message.TextBody ?? "";
        var start = text.IndexOf("http", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOfAny([' ', '\n', '\r'], start);
            var link = end < 0 ? text[start..] : text[start..end];
            if (link.Contains(pathFragment, StringComparison.Ordinal))
            {
                var code = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["code"];
                if (code is not null) TestSecrets.Remember(code);
                return TestSecrets.Remember(link);
            }
            start = text.IndexOf("http", start + 1, StringComparison.Ordinal);
        }
        throw new InvalidOperationException($"No link containing '{pathFragment}' in the message.");
    }
}
