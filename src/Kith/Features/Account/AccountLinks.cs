using System.Text;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.WebUtilities;

namespace Kith.Features.Account;

/// <summary>The emailed account links (confirm, reset) and the encoding of their tokens.</summary>
public sealed class AccountLinks(PublicLinks links)
{
    public string Confirm(User user, string token) => links.Absolute("/account/confirm-email", new Dictionary<string, string?>
    {
        ["userId"] = user.Id.ToString(),
        ["code"] = Encode(token),
    });

    public string Reset(User user, string token) => links.Absolute("/account/reset-password", new Dictionary<string, string?>
    {
        ["userId"] = user.Id.ToString(),
        ["code"] = Encode(token),
    });

    public string ChangeEmail(User user, string newEmail, string token) => links.Absolute("/account/confirm-email-change", new Dictionary<string, string?>
    {
        ["userId"] = user.Id.ToString(),
        ["email"] = newEmail,
        ["code"] = Encode(token),
    });

    public string Sessions() => links.Absolute("/account/manage/sessions");

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
