using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Placement;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>
/// Every <see cref="ExperimentOptions.AlertCheckInterval"/>, checks the running experiments for alerts. Only the
/// silo holding the registry grain's partition checks, so a cluster does the work once (and the grain would
/// drop repeats anyway). Needs the read model, so a silo without it does not check.
/// </summary>
public sealed class ExperimentMonitor(
    ExperimentAlerts alerts,
    PartitionMap partitions,
    IPartitionOwnership ownership,
    IOptions<ExperimentOptions> options,
    IOptions<AnalyticsOptions> analytics,
    TimeProvider timeProvider,
    ILogger<ExperimentMonitor> logger) : BackgroundService
{
    private static readonly GrainId Registry = new("experiment-registry", ExperimentCatalogCache.GrainKey);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!analytics.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.AlertCheckInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!ownership.IsServing(partitions.PartitionOf(Registry)))
                {
                    continue;
                }

                try
                {
                    await alerts.CheckAllAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    AnalyticsLog.AlertCheckFailed(logger, ex, "*");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
