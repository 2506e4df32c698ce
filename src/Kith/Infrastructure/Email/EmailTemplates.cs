using System.Text.Encodings.Web;

namespace Kith.Infrastructure.Email;

/// <summary>Account emails. They carry links, never personal data beyond the greeting name.</summary>
public static class EmailTemplates
{
    // The address is not verified yet and the name was typed by whoever registered it, so the greeting is generic.
    public static EmailContent ConfirmEmail(string link) => Build(
        "Confirm your email address for Kith",
        "",
        "Please confirm your email address to finish setting up your Kith account.",
        "Confirm my email address",
        link,
        "If you did not create a Kith account, you can ignore this message.");

    public static EmailContent ResetPassword(string name, string link, TimeSpan lifetime) => Build(
        "Reset your Kith password",
        name,
        $"Someone asked to reset the password of your Kith account. The link works once and expires in {Describe(lifetime)}.",
        "Choose a new password",
        link,
        "If this was not you, ignore this message: your password stays as it is.");

    public static EmailContent Invitation(string inviter, string link, TimeSpan lifetime) => Build(
        "You are invited to Kith",
        "",
        $"{inviter} invited you to join their Kith account. The link works once and expires in {lifetime.TotalDays:0} days.",
        "Accept the invitation",
        link,
        "If you do not know the sender, ignore this message.");

    public static EmailContent AlreadyRegistered(string name, string resetLink) => Build(
        "Someone tried to register with your email address",
        name,
        "Someone tried to create a Kith account with your email address, which already has an account. If it was you, sign in or reset your password.",
        "Reset my password",
        resetLink,
        "If it was not you, no action is needed: nothing was changed.");

    public static EmailContent MfaResetByOperator(string name, string link) => Build(
        "Two-factor authentication was reset on your Kith account",
        name,
        "The operator of your Kith server removed your authenticator app, recovery codes and remembered devices, as you asked. Your password alone now signs you in: set up two-factor authentication again.",
        "Set up two-factor authentication",
        link,
        "If you did not ask for this, contact the operator of your Kith server now and change your password.");

    // Sent to the new address, which is not proved yet: no name, nothing about the account.
    public static EmailContent ConfirmEmailChange(string link, TimeSpan lifetime) => Build(
        "Confirm your new email address for Kith",
        "",
        $"Someone asked to use this address for their Kith account. The address changes only when you open this link; it works once and expires in {Describe(lifetime)}.",
        "Confirm my new email address",
        link,
        "If you did not ask for this, ignore this message: nothing changes.");

    // Sent to the old address: it says what happened, never the new address.
    public static EmailContent EmailChanged(string name, string sessionsLink) => Build(
        "The email address of your Kith account was changed",
        name,
        "The email address of your Kith account was just changed, and this address no longer signs in. Your other sessions were signed out.",
        "Review your sessions",
        sessionsLink,
        "If this was not you, reset your password from the new address if you can, or contact the operator of your Kith server now.");
    public static EmailContent SecurityAlert(string subject, string paragraph, string sessionsLink, string securityLogLink) => Build(
        subject,
        "",
        paragraph,
        "Review where you are signed in",
        sessionsLink,
        $"If this was you, no action is needed. If it was not, change your password and sign out of other sessions. Your security log lists recent events: {securityLogLink}");

    private static EmailContent Build(string subject, string name, string paragraph, string action, string link, string footer)
    {
        var greeting = string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},";
        var text = $"{greeting}\n\n{paragraph}\n\n{action}: {link}\n\n{footer}\n\n— Kith\n";
        var h = HtmlEncoder.Default;
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><body>
            <p>{h.Encode(greeting)}</p>
            <p>{h.Encode(paragraph)}</p>
            <p><a href="{h.Encode(link)}">{h.Encode(action)}</a></p>
            <p>{h.Encode(footer)}</p>
            <p>— Kith</p>
            </body></html>
            """;
        return new EmailContent(subject, text, html);
    }

    private static string Describe(TimeSpan lifetime) =>
        lifetime.TotalMinutes >= 60 && lifetime.TotalMinutes % 60 == 0
            ? $"{lifetime.TotalHours:0} hour{(lifetime.TotalHours == 1 ? "" : "s")}"
            : $"{Math.Max(1, (int)lifetime.TotalMinutes)} minutes";
}
