namespace Kith.Features.Account.Sessions;

/// <summary>
/// "Firefox on Linux" from a User-Agent header: enough for a person to recognise their own device in the
/// sessions list. Browsers copy each other's tokens (every Chromium browser says "Chrome" and "Safari"), so the
/// more specific token is tested first; anything unrecognised is named honestly as unknown.
/// </summary>
public static class DeviceName
{
    public const string UnknownBrowser = "Unknown browser";
    public const string UnknownSystem = "unknown system";

    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"), ("OPiOS/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Vivaldi/", "Vivaldi"),
        ("FxiOS/", "Firefox"), ("Firefox/", "Firefox"),
        ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"),
        ("Version/", "Safari"),
        ("curl/", "curl"),
    ];

    // Android and iOS before Linux and macOS: Android says "Linux", and iPads may say "Mac OS X".
    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"),
        ("Android", "Android"),
        ("iPhone", "iOS"), ("iPad", "iPadOS"), ("iPod", "iOS"),
        ("CrOS", "ChromeOS"),
        ("Macintosh", "macOS"), ("Mac OS X", "macOS"),
        ("Linux", "Linux"), ("X11", "Linux"),
        ("FreeBSD", "FreeBSD"), ("OpenBSD", "OpenBSD"),
    ];

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return $"{UnknownBrowser} on {UnknownSystem}";
        return $"{Browser(userAgent)} on {System(userAgent)}";
    }

    public static string Browser(string userAgent)
    {
        foreach (var (token, name) in Browsers)
        {
            if (!userAgent.Contains(token, StringComparison.Ordinal)) continue;
            // "Version/" alone is not Safari: only with Safari's own token.
            if (token == "Version/" && !userAgent.Contains("Safari/", StringComparison.Ordinal)) continue;
            return name;
        }
        return UnknownBrowser;
    }

    public static string System(string userAgent)
    {
        foreach (var (token, name) in Systems)
            if (userAgent.Contains(token, StringComparison.Ordinal)) return name;
        return UnknownSystem;
    }
}
