using System.Globalization;
using Kith.Infrastructure.Email;

namespace Kith.Features.Account.SecurityLog;

/// <summary>
/// The alert emails. They say what happened and when, and where to look; no name, address, IP or device details,
/// because mail travels and is stored outside Kith's control.
/// </summary>
public static class SecurityAlertMessages
{
    private static readonly Dictionary<string, (string Subject, string What)> Kinds = new(StringComparer.Ordinal)
    {
        [SecurityEventTypes.NewDeviceSignIn] = ("New sign-in to your Kith account", "Your Kith account was signed in to from a browser or device that had not signed in to it before."),
        [SecurityEventTypes.PasswordChanged] = ("Your Kith password was changed", "The password of your Kith account was changed."),
        [SecurityEventTypes.EmailChanged] = ("Your Kith account now uses this email address", "The email address of your Kith account was changed to this one."),
        [SecurityEventTypes.MfaEnabled] = ("Two-factor authentication turned on for Kith", "Two-factor authentication was turned on for your Kith account."),
        [SecurityEventTypes.MfaDisabled] = ("Two-factor authentication turned off for Kith", "Two-factor authentication was turned off for your Kith account."),
        [SecurityEventTypes.RecoveryCodesRegenerated] = ("New Kith recovery codes were created", "New recovery codes were created for your Kith account; the old ones no longer work."),
        [SecurityEventTypes.PasskeyAdded] = ("A passkey was added to your Kith account", "A passkey was added to your Kith account. It can sign in without your password."),
        [SecurityEventTypes.AppPasswordCreated] = ("An app password was created for Kith", "An app password was created for your Kith account. Apps that hold it can sync your data."),
        [SecurityEventTypes.LockedOut] = ("Your Kith account was locked after failed sign-ins", "Your Kith account was locked for a while because of repeated failed sign-in attempts."),
        [SecurityEventTypes.SecondFactorReplayed] = ("A used sign-in code was tried on your Kith account", "Someone entered your password and then an authenticator code that had already been used. It was refused; a code works once."),
        [SecurityEventTypes.SecondFactorAbandoned] = ("Unfinished sign-in to your Kith account", "Someone entered the correct password for your Kith account but did not complete the second step within 5 minutes."),
    };

    public static bool IsAlerting(string eventType) => Kinds.ContainsKey(eventType);

    public static IReadOnlyCollection<string> AlertingKinds => Kinds.Keys;

    public static EmailContent For(string eventType, DateTime occurredAtUtc, string sessionsLink, string securityLogLink)
    {
        var (subject, what) = Kinds[eventType];
        var when = occurredAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        return EmailTemplates.SecurityAlert(subject, $"{what} When: {when}.", sessionsLink, securityLogLink);
    }
}
