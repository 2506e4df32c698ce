using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Kith.Features.Vaults;

public static class VaultSetup
{
    public static IServiceCollection AddKithVaults(this IServiceCollection services)
    {
        services.AddScoped<VaultScope>();
        services.AddScoped<IAuthorizationHandler, VaultAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, VaultAuthorizationResults>();
        services.AddAuthorizationBuilder()
            .AddPolicy(VaultPolicy.View, p => p.RequireAuthenticatedUser().AddRequirements(new VaultAccessRequirement(VaultAccessLevel.Viewer)))
            .AddPolicy(VaultPolicy.Edit, p => p.RequireAuthenticatedUser().AddRequirements(new VaultAccessRequirement(VaultAccessLevel.Editor)))
            .AddPolicy(VaultPolicy.Manage, p => p.RequireAuthenticatedUser().AddRequirements(new VaultAccessRequirement(VaultAccessLevel.Manager)));
        services.AddScoped<ManageVaults>();
        return services;
    }
}
