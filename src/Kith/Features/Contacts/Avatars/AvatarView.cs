namespace Kith.Features.Contacts.Avatars;

public enum AvatarSize
{
    Small,
    Large,
}

/// <summary>What the _Avatar partial needs: the uploaded photo when there is one, else initials on a colour from a fixed palette.</summary>
public sealed record AvatarView(Guid VaultId, Guid ContactId, string? AvatarFile, string FirstName, string? LastName, AvatarSize Size = AvatarSize.Small)
{
    public const int Colours = 8;

    public string Initials => ContactNames.Initials(FirstName, LastName);

    /// <summary>avatar-c0 … avatar-c7, stable for a contact (derived from its id, not its name, so renaming keeps the colour).</summary>
    public string ColourClass
    {
        get
        {
            var sum = 0;
            foreach (var b in ContactId.ToByteArray()) sum += b;
            return "avatar-c" + (sum % Colours).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public string SizeClass => Size == AvatarSize.Large ? "avatar-large" : "avatar-small";

    public int Pixels => Size == AvatarSize.Large ? 80 : 32;

    /// <summary>Part of the image URL, so a new photo is a new URL and the browser's cached copy of the old one is not reused.</summary>
    public string? Version => AvatarStore.IsValidName(AvatarFile) ? AvatarFile![..8] : null;
}
