using System.Text.RegularExpressions;

namespace Kith.Features.Contacts.Avatars;

/// <summary>Recognizes the avatar upload before routing, for the request size limit that applies to it.</summary>
public static partial class AvatarUpload
{
    /// <summary>Room for the multipart boundaries, part headers and the antiforgery token around the photo.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public static bool Matches(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && UploadPath().IsMatch(request.Path.Value ?? "");

    [GeneratedRegex(@"\A/vaults/[0-9a-fA-F-]{36}/contacts/[0-9a-fA-F-]{36}/avatar/?\z")]
    private static partial Regex UploadPath();
}
