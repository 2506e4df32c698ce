using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Kith.Features.Contacts.List;

/// <summary>
/// Where a page of the contact list starts: the sort key and id of the row next to it. Opaque in the address (base64url),
/// so nobody builds one by hand, but not secret: it only holds what the page already showed.
/// </summary>
public sealed record ContactCursor(string Key, Guid Id)
{
    private const char Separator = '\n';

    public string Encode() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(Key + Separator + Id.ToString("N")));

    public static bool TryDecode(string? text, out ContactCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (text.Length > 2 * (ContactLengths.SortKey * 4 + 40)) return false;
        try
        {
            var plain = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text));
            var cut = plain.LastIndexOf(Separator);
            if (cut < 0 || !Guid.TryParseExact(plain[(cut + 1)..], "N", out var id)) return false;
            cursor = new ContactCursor(plain[..cut], id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static ContactCursor ForTime(DateTime at, Guid id) => new(at.Ticks.ToString(CultureInfo.InvariantCulture), id);

    public static ContactCursor ForCount(int count, Guid id) => new(count.ToString(CultureInfo.InvariantCulture), id);

    public bool TryTime(out DateTime at)
    {
        at = default;
        if (!long.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks) return false;
        at = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    public bool TryCount(out int count) => int.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out count);
}
