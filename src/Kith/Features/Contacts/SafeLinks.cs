using System.Net.Mail;
using System.Text.RegularExpressions;
using Kith.Features.Personalization;

namespace Kith.Features.Contacts;

/// <summary>
/// The only way a value typed by a user becomes an href: mailto:, tel: or https:, built from a value that was
/// checked for that scheme. Anything else (javascript:, data:, vbscript:, control characters) is never a link,
/// whether it came through a form or straight into the database.
/// </summary>
public static partial class SafeLinks
{
    /// <summary>Null when <paramref name="value"/> may be stored for a type with <paramref name="scheme"/>; a form message otherwise.</summary>
    public static string? Problem(LinkScheme scheme, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "Enter a value.";
        if (value.Length > ModuleLengths.ContactInformationValue) return $"Use at most {ModuleLengths.ContactInformationValue} characters.";
        if (HasControlCharacters(value)) return "Remove line breaks and control characters.";
        if (HasDangerousScheme(value)) return "That kind of link is not allowed.";
        return scheme switch
        {
            LinkScheme.Email when EmailAddress(value) is null => "Enter a valid email address.",
            LinkScheme.Phone when !PhonePattern().IsMatch(value) => "Use digits, spaces and + - ( ) . only.",
            LinkScheme.Web when WebUri(value) is null => "Enter a web address starting with https:// (or a domain name).",
            _ => null,
        };
    }

    /// <summary>An href for the value, or null when it must be shown as plain text.</summary>
    public static string? Href(LinkScheme scheme, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || HasControlCharacters(value) || HasDangerousScheme(value)) return null;
        return scheme switch
        {
            LinkScheme.Email => EmailAddress(value) is { } email ? "mailto:" + email : null,
            LinkScheme.Phone => PhonePattern().IsMatch(value) ? "tel:" + NonDialChars().Replace(value, "") : null,
            LinkScheme.Web => WebUri(value)?.AbsoluteUri,
            _ => null,
        };
    }

    private static string? EmailAddress(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.Contains('?', StringComparison.Ordinal) || trimmed.Contains('&', StringComparison.Ordinal)) return null;
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || address.DisplayName.Length > 0) return null;
        return Uri.EscapeDataString(address.User) + "@" + address.Host;
    }

    /// <summary>https only; a bare domain gets https://, and an http:// address is upgraded rather than linked insecurely.</summary>
    private static Uri? WebUri(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) trimmed = "https://" + trimmed[7..];
        else if (!trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (trimmed.Contains(':', StringComparison.Ordinal) && !BareHostWithPort().IsMatch(trimmed)) return null;
            trimmed = "https://" + trimmed;
        }
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0 || uri.UserInfo.Length > 0) return null;
        return uri;
    }

    private static bool HasControlCharacters(string value) => !Regex.IsMatch(value, Data.FieldLengths.NoControlCharacters);

    /// <summary>Browsers ignore leading spaces and case in a scheme: " JaVaScRiPt:" is javascript:.</summary>
    private static bool HasDangerousScheme(string value)
    {
        var start = value.TrimStart();
        return DangerousSchemes.Any(s => start.StartsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] DangerousSchemes = ["javascript:", "data:", "vbscript:", "file:", "blob:"];

    [GeneratedRegex(@"^(?=.*[0-9])[0-9 +\-().]+$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[^0-9+]")]
    private static partial Regex NonDialChars();

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+:[0-9]{1,5}(/.*)?$")]
    private static partial Regex BareHostWithPort();
}
