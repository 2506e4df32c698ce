namespace Kith.Features.Contacts;

public static class ContactSetup
{
    public static IServiceCollection AddKithContacts(this IServiceCollection services)
    {
        services.AddScoped<ContactSearch>();
        services.AddScoped<ContactPicker>();
        services.AddScoped<ContactEdits>();
        services.AddScoped<IContactModule, Vaults.Scoped.Contacts.Modules.ImportantDatesModule>();
        services.AddScoped<IContactModule, Vaults.Scoped.Contacts.Modules.ContactInformationModule>();
        services.AddScoped<IContactModule, Vaults.Scoped.Contacts.Modules.PetsModule>();
        return services;
    }
}
