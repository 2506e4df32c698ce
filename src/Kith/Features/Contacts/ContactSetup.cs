using Kith.Features.Contacts.Activity;
using Kith.Features.Contacts.Connections;

namespace Kith.Features.Contacts;

public static class ContactSetup
{
    public static IServiceCollection AddKithContacts(this IServiceCollection services)
    {
        services.AddScoped<ContactSearch>();
        services.AddScoped<ContactPicker>();
        services.AddScoped<IContactModule, RelationshipsModule>();
        services.AddScoped<IContactModule, ContactGroupsModule>();
        services.AddScoped<IContactModule, MetThroughModule>();
        services.AddScoped<IContactModule, ContactActivityModule>();
        services.AddScoped<WriteRelationship>();
        services.AddScoped<WriteGroup>();
        services.AddScoped<WriteCompany>();
        return services;
    }
}
