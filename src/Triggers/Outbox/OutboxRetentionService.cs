using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Triggers.Watch;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Triggers.Outbox;

/// <summary>
/// Keeps the outbox, the delivery log and the watch index bounded: at start and then hourly it deletes
/// what is older than its retention. Idempotent, so every silo may run it.
/// </summary>
public sealed class OutboxRetentionService(
    IOutboxStore outbox,
    IDeliveryStore deliveries,
    IWatchIndexStore watches,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxRetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        do
        {
            try
            {
                var now = timeProvider.GetUtcNow();
                var entries = await outbox.PurgeAsync(now - options.Value.Retention, stoppingToken);
                var finished = await deliveries.PurgeAsync(now - options.Value.Retention, stoppingToken);
                var watched = await watches.PurgeAsync(now - ProductWatchersProjection.WatchWindow, stoppingToken);
                if (entries + finished + watched > 0)
                {
                    DeliveryLog.Purged(logger, entries, finished, watched);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                DeliveryLog.LoopFailed(logger, ex, "outbox retention");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(static t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }
}
