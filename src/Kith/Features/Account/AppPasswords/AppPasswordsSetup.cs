using Microsoft.AspNetCore.Authentication;

namespace Kith.Features.Account.AppPasswords;

public static class AppPasswordsSetup
{
    public static IServiceCollection AddKithAppPasswords(this IServiceCollection services)
    {
        services.AddScoped<AppPasswordStore>();
        services.AddSingleton<DavFailureLimiter>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DavAuthenticationHandler>(DavAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(DavEndpoints.AddDavPolicy);
        return services;
    }
}
