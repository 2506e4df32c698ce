using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kith.Features.Account.Passkeys;

public static class PasskeySetup
{
    public static IServiceCollection AddKithPasskeys(this IServiceCollection services, KithOptions kith)
    {
        services.TryAddScoped<IPasskeyHandler<User>, PasskeyHandler<User>>();
        services.AddScoped<PasskeyCeremonies>();
        services.AddScoped<PasskeySignInChecks>();
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.UserVerificationRequirement = "required";
            // Discoverable credentials, so sign-in needs no user name first.
            o.ResidentKeyRequirement = "required";
            o.AttestationConveyancePreference = "none";
            o.AuthenticatorTimeout = PasskeyCeremonies.Lifetime;
            // The relying party is the configured public address, never the request's Host header: behind a proxy
            // the two differ, and a forged Host must not mint a valid RP ID or origin.
            if (Uri.TryCreate(kith.BaseUrl, UriKind.Absolute, out var baseUri))
            {
                var origin = baseUri.GetLeftPart(UriPartial.Authority);
                o.ServerDomain = baseUri.Host;
                o.ValidateOrigin = context => ValueTask.FromResult(
                    !context.CrossOrigin && string.Equals(context.Origin, origin, StringComparison.OrdinalIgnoreCase));
            }
        });
        return services;
    }
}
