using Kith.Features.Vaults;

namespace Kith.Features.Personalization;

public static class PersonalizationSetup
{
    public static IServiceCollection AddKithPersonalization(this IServiceCollection services)
    {
        services.AddScoped<ManagePersonalization>();
        services.AddScoped<ManageVaultLists>();
        services.AddScoped<DefaultsBackfill>();
        return services;
    }
}
