namespace Kith.Features.Contacts;

public static class ContactSetup
{
    public static IServiceCollection AddKithContacts(this IServiceCollection services)
    {
        return services;
    }
}
