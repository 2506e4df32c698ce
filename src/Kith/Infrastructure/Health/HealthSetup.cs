using Kith.Data;
using Kith.Infrastructure.Email;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Kith.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace Kith.Infrastructure.Health;

public static class HealthSetup
{
    public static IServiceCollection AddKithHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<MailWorkerHealthCheck>("mail-worker", tags: ["ready"]);
        return services;
    }

    public static void MapKithHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}

internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}

internal sealed class MailWorkerHealthCheck(WorkerHeartbeat heartbeat, TimeProvider clock, IOptionsMonitor<KithOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = heartbeat.LastBeat(nameof(MailDeliveryWorker));
        var allowed = options.CurrentValue.Mail.PollInterval * 3 + TimeSpan.FromMinutes(1);
        var healthy = last is not null && clock.GetUtcNow() - last.Value <= allowed;
        return Task.FromResult(healthy
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The background mail sender has not run recently."));
    }
}
