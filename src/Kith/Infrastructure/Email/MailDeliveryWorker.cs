using Kith.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace Kith.Infrastructure.Email;

/// <summary>Runs in the app process: no cron, no second service. The work itself is in <see cref="OutboxDelivery"/>.</summary>
public sealed class MailDeliveryWorker(IServiceScopeFactory scopes, OutboxSignal signal, WorkerHeartbeat heartbeat,
    IOptionsMonitor<KithOptions> options, ILogger<MailDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var delivery = scope.ServiceProvider.GetRequiredService<OutboxDelivery>();
                while (await delivery.DeliverDueAsync(20, stoppingToken) > 0) { }
                heartbeat.Beat(nameof(MailDeliveryWorker));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Mail delivery loop failed; retrying");
            }
            try
            {
                await signal.WaitAsync(options.CurrentValue.Mail.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Background loops report here; /health/ready reads it.</summary>
public sealed class WorkerHeartbeat(TimeProvider clock)
{
    private readonly Dictionary<string, DateTimeOffset> beats = [];
    private readonly Lock gate = new();

    public void Beat(string worker)
    {
        lock (gate) beats[worker] = clock.GetUtcNow();
    }

    public DateTimeOffset? LastBeat(string worker)
    {
        lock (gate) return beats.TryGetValue(worker, out var at) ? at : null;
    }
}
