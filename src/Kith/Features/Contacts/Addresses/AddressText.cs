using Kith.Features.Account;

namespace Kith.Features.Contacts.Addresses;

/// <summary>An address on one line, and the link that opens it in the user's map service.</summary>
public static class AddressText
{
    public static string OneLine(string? line1, string? line2, string? city, string? province, string? postalCode, string? country)
    {
        var locality = string.Join(' ', new[] { postalCode, city }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return string.Join(", ", new[] { line1, line2, locality, province, country }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    /// <summary>A search on the map service; the address is only ever a URL-encoded query value.</summary>
    public static string MapHref(MapProvider provider, string address)
    {
        var query = Uri.EscapeDataString(address);
        return provider == MapProvider.Google
            ? $"https://www.google.com/maps/search/?api=1&query={query}"
            : $"https://www.openstreetmap.org/search?query={query}";
    }
}
