using Kith.Infrastructure.Configuration;
using Kith.Infrastructure.Email;

namespace Kith.Features.Admin.Checks;

/// <summary>
/// Start-up refuses plain SMTP to a remote host, but settings can be reloaded while Kith runs, so this looks again at
/// the settings in force now.
/// </summary>
public sealed class SmtpTlsCheck() : SecurityCheck("smtp-tls", "Mail travels encrypted")
{
    public override CheckResult Evaluate(InstanceSnapshot snapshot)
    {
        var smtp = snapshot.Options.Smtp;
        if (!smtp.IsConfigured)
            return Pass($"No SMTP server: mail is written to {snapshot.Options.DataPath("mail")} and never crosses the network.");
        if (SmtpMailTransport.IsLoopback(smtp.Host))
            return Pass($"The SMTP server {smtp.Host} is on this machine (loopback).");
        return smtp.Security switch
        {
            SmtpSecurity.Tls => Pass($"Implicit TLS to {smtp.Host}:{smtp.Port}, certificate validated."),
            SmtpSecurity.StartTls or SmtpSecurity.Auto => Pass($"STARTTLS is required by {smtp.Host}:{smtp.Port}, certificate validated; without it nothing is sent."),
            _ => Fail($"Kith__Smtp__Security is {smtp.Security} for the remote server {smtp.Host}: mail, with its sign-in links, would cross the network in clear (Kith refuses to send it).",
                "Set Kith__Smtp__Security=StartTls (port 587) or Tls (port 465)."),
        };
    }
}

/// <summary>Mail is delayed, never lost; but mail that waits long means confirmation and reset links are not arriving.</summary>
public sealed class MailDeliveryCheck() : SecurityCheck("mail-delivery", "Mail is being delivered")
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    public override CheckResult Evaluate(InstanceSnapshot snapshot)
    {
        const string fix = "Check the Kith__Smtp__* settings and that the server accepts Kith's connections; waiting mail is retried on its own.";
        var mail = snapshot.Mail;
        var allowedSilence = snapshot.Options.Mail.PollInterval * 3 + TimeSpan.FromMinutes(1);
        if (mail.LastHeartbeat is not { } beat || snapshot.Now - beat > allowedSilence)
            return Fail(mail.LastHeartbeat is { } last
                    ? $"The background mail sender last ran {Describe.Age(snapshot.Now - last)} ago."
                    : "The background mail sender has not run since Kith started.",
                "Look for \"Mail delivery loop failed\" in the log and restart Kith.");
        if (mail.Outbox is not { } outbox)
            return Fail("The outbox cannot be read: the database is unreachable.", "Fix the database connection first (see the database check).");
        var errors = outbox.RecentErrors.Count == 0 ? "" : " Last errors: " + string.Join(" | ", outbox.RecentErrors);
        if (outbox.OldestAge(snapshot.Now) is { } age && age > MaxWait)
            return Fail($"{outbox.Backlog} message(s) waiting, the oldest for {Describe.Age(age)}.{errors}", fix);
        return Pass(outbox.Backlog == 0
            ? "No mail is waiting."
            : $"{outbox.Backlog} message(s) waiting, none for more than {Describe.Age(MaxWait)}.{errors}");
    }
}
