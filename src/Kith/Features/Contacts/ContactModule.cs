using Kith.Features.Account;
using Kith.Features.Vaults;

namespace Kith.Features.Contacts;

/// <summary>The tabs of a contact page. Only the open tab's modules are loaded.</summary>
public enum ContactTab
{
    About = 0,
    Connections = 1,
    Activity = 2,
}

/// <summary>What every module of a contact page may know about the request.</summary>
public sealed record ContactPageContext(VaultScope Scope, Guid ContactId, string NameOrder, DateOnly Today, MapProvider MapProvider = MapProvider.OpenStreetMap);

/// <summary>
/// One section of the contact page (important dates, contact information, …): a loader that runs exactly one query,
/// and a partial view that renders what it loaded. Registered in <see cref="ContactSetup"/>; the page renders the open
/// tab's modules by <see cref="Order"/>. One query per module keeps the page's statement count fixed, whatever the vault.
/// </summary>
public interface IContactModule
{
    ContactTab Tab { get; }
    int Order { get; }

    /// <summary>Partial view name, e.g. "Modules/_ImportantDates".</summary>
    string PartialName { get; }

    Task<object> LoadAsync(ContactPageContext context, CancellationToken ct);
}
