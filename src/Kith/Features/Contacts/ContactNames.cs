using System.Globalization;
using System.Text;

namespace Kith.Features.Contacts;

/// <summary>Display names by the user's name-order template, and the normalized keys used for sorting and search.</summary>
public static class ContactNames
{
    public const string FirstLast = "%first_name% %last_name%";
    public const string LastFirst = "%last_name%, %first_name%";
    public const string FirstLastNickname = "%first_name% %last_name% (%nickname%)";
    public const string NicknameOnly = "%nickname%";
    public const string FirstOnly = "%first_name%";

    public static readonly IReadOnlyList<string> Templates = [FirstLast, LastFirst, FirstLastNickname, NicknameOnly, FirstOnly];

    public static bool SortsByLastName(string template) => template.StartsWith("%last_name%", StringComparison.Ordinal);

    /// <summary>
    /// Fills the template, then tidies what missing parts leave behind (empty parentheses, a dangling comma).
    /// A nickname-only template falls back to the first name when there is no nickname.
    /// </summary>
    public static string Display(string template, string firstName, string? lastName, string? nickname, string? middleName = null)
    {
        if (template == NicknameOnly && string.IsNullOrWhiteSpace(nickname)) template = FirstLast;
        var text = template
            .Replace("%first_name%", firstName, StringComparison.Ordinal)
            .Replace("%last_name%", lastName ?? "", StringComparison.Ordinal)
            .Replace("%middle_name%", middleName ?? "", StringComparison.Ordinal)
            .Replace("%nickname%", nickname ?? "", StringComparison.Ordinal)
            .Replace("()", "", StringComparison.Ordinal);
        text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim().Trim(',').Trim();
        return text.Length == 0 ? firstName : text;
    }

    /// <summary>Initials for the generated avatar: first letters of first and last name, as text elements (emoji- and accent-safe).</summary>
    public static string Initials(string firstName, string? lastName)
    {
        static string First(string? value) =>
            string.IsNullOrWhiteSpace(value) ? "" : StringInfo.GetNextTextElement(value.Trim()).ToUpperInvariant();
        var initials = First(firstName) + First(lastName);
        return initials.Length == 0 ? "?" : initials;
    }

    public static string SortKey(params string?[] parts)
    {
        var key = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Fold(p!)));
        return key.Length > ContactLengths.SortKey ? key[..ContactLengths.SortKey] : key;
    }

    /// <summary>Lower case without diacritics, so "Émile" sorts and matches like "emile".</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c);
        return builder.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}
