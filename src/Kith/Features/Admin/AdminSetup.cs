using Kith.Features.Admin.Checks;
using Microsoft.AspNetCore.Authorization;

namespace Kith.Features.Admin;

public static class AdminSetup
{
    public static IServiceCollection AddKithAdmin(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, InstanceAdministratorHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy.Instance, p => p.RequireAuthenticatedUser().AddRequirements(new InstanceAdministratorRequirement()));
        services.AddScoped<ChangeRegistrationMode>();
        services.AddScoped<InstanceSnapshotReader>();
        return services;
    }
}
