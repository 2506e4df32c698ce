namespace Kith.Features.Account.TwoFactor;

public static class TwoFactorSetup
{
    public static IServiceCollection AddKithTwoFactor(this IServiceCollection services)
    {
        services.AddScoped<Authenticators>();
        services.AddScoped<RecoveryCodes>();
        services.AddScoped<RememberedDevices>();
        services.AddScoped<PendingSignIns>();
        services.AddScoped<MfaEnrolment>();
        services.AddScoped<AbandonedSecondFactors>();
        services.AddScoped<ResetMfa>();
        services.AddSingleton<SecondFactorSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<SecondFactorSweep>());
        return services;
    }
}
