using Kith.Features.Contacts;

namespace Kith.Features.Vaults.Scoped.Contacts;

public sealed record ContactAvatarView(Guid ContactId, string FirstName, string? LastName)
{
    public string Initials => ContactNames.Initials(FirstName, LastName);
}
