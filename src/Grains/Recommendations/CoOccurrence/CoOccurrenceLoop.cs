using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Grains.Recommendations.CoOccurrence;

/// <summary>
/// Drives the co-occurrence projection between batches: takes up partitions this silo gained (after a start or a
/// crash, even when no new event arrives in them), applies pending contributions when due, and applies what is
/// left when the silo stops.
/// </summary>
public sealed class CoOccurrenceLoop(CoOccurrenceProjection projection, TimeProvider timeProvider, ILogger<CoOccurrenceLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await projection.FlushAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // Cut short by the host's shutdown timeout, or failed: whatever stayed pending is read again from the applied
            // checkpoint at the next start, as after a crash. Throwing from a hosted service's stop would abort the process.
            RecommendationsLog.FinalFlushIncomplete(logger, ex, projection.PendingContributions);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await projection.TickAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    RecommendationsLog.LoopFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
