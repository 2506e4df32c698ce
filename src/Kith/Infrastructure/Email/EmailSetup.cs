namespace Kith.Infrastructure.Email;

public static class EmailSetup
{
    public static IServiceCollection AddKithEmail(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<WorkerHeartbeat>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryMailTransport>();
        services.AddSingleton<IMailTransport, ConfiguredMailTransport>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<MailDeliveryWorker>();
        return services;
    }
}
