using Kith.Features.Contacts.Avatars;

namespace Kith.Features.Contacts;

public static class ContactSetup
{
    public static IServiceCollection AddKithContacts(this IServiceCollection services)
    {
        services.AddSingleton<AvatarStore>();
        services.AddScoped<ChangeAvatar>();
        return services;
    }
}
