namespace Kith.Features.Contacts;

public static class ContactSetup
{
    public static IServiceCollection AddKithContacts(this IServiceCollection services)
    {
        services.AddScoped<ContactSearch>();
        services.AddScoped<ContactPicker>();
        return services;
    }
}
