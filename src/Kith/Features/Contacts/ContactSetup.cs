using Kith.Features.Contacts.Activity;
using Kith.Features.Contacts.Avatars;
using Kith.Features.Contacts.Connections;
using Kith.Features.Contacts.Editing;
using Kith.Features.Contacts.Lifecycle;
using Kith.Features.Contacts.List;

namespace Kith.Features.Contacts;

public static class ContactSetup
{
    public static IServiceCollection AddKithContacts(this IServiceCollection services)
    {
        services.AddScoped<ContactSearch>();
        services.AddScoped<ContactPicker>();
        services.AddScoped<ContactList>();
        services.AddScoped<WriteContact>();
        services.AddScoped<ContactLifecycle>();
        services.AddScoped<ContactPurge>();
        services.AddHostedService<ContactPurgeWorker>();
        services.AddScoped<IContactModule, RelationshipsModule>();
        services.AddScoped<IContactModule, ContactGroupsModule>();
        services.AddScoped<IContactModule, MetThroughModule>();
        services.AddScoped<IContactModule, ContactActivityModule>();
        services.AddScoped<WriteRelationship>();
        services.AddScoped<WriteGroup>();
        services.AddScoped<WriteCompany>();
        services.AddScoped<ContactEdits>();
        services.AddScoped<IContactModule, Vaults.Scoped.Contacts.Modules.ImportantDatesModule>();
        services.AddScoped<IContactModule, Vaults.Scoped.Contacts.Modules.ContactInformationModule>();
        services.AddScoped<IContactModule, Vaults.Scoped.Contacts.Modules.PetsModule>();
        services.AddScoped<IContactModule, Vaults.Scoped.Contacts.Modules.AddressesModule>();
        services.AddScoped<Addresses.ContactAddresses>();
        services.AddScoped<IContactModule, Vaults.Scoped.Contacts.Modules.QuickFactsModule>();
        services.AddSingleton<AvatarStore>();
        services.AddScoped<ChangeAvatar>();
        return services;
    }
}
