using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Reminders;

namespace Orleans.Personalization.Runtime.Hosting;

/// <summary>
/// Starts and stops the silo in order. Start: join the cluster and take partitions, then reminders and
/// idle collection. Stop (graceful): refuse new calls, drain in-flight turns and write snapshots while the
/// leases are still held, then hand the partitions back.
/// </summary>
public sealed class SiloHost(
    PartitionOwnershipAgent ownership,
    ActivationDirectory directory,
    ReminderService reminders,
    ProjectionService projections,
    IOptions<SiloOptions> options,
    TimeProvider timeProvider,
    ILogger<SiloHost> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan CollectorStopTimeout = TimeSpan.FromSeconds(5);

    private readonly SiloOptions _options = options.Value;
    private CancellationTokenSource? _stopping;
    private Task? _collector;

    public SiloStatus Status { get; private set; } = SiloStatus.Starting;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ownership.DrainPartitionAsync = partition =>
            directory.DeactivateAsync(a => a.Partition == partition, DeactivationReason.HandedOver, cancellationToken);
        await ownership.StartAsync(cancellationToken);
        ownership.PartitionLost += OnPartitionLost;
        reminders.Start();
        projections.Start();
        _stopping = new CancellationTokenSource();
        _collector = CollectIdleLoopAsync(_stopping.Token);
        Status = SiloStatus.Running;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Status != SiloStatus.Running)
        {
            return;
        }

        Status = SiloStatus.Stopping;
        if (_stopping is not null)
        {
            await _stopping.CancelAsync();
            try
            {
                // Bounded, on the system clock: a stop once waited forever here in a test whose silo ran on a fake
                // clock (the canceled tick wait never finished). Idle collection holds nothing the stop needs.
                await _collector!.WaitAsync(CollectorStopTimeout, TimeProvider.System, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                RuntimeLog.CollectorDidNotStop(logger, CollectorStopTimeout.TotalSeconds);
            }
        }

        // Each step runs even if an earlier one failed: a partition that is not released is only taken
        // over later (after its lease expires), never lost.
        await StopStepAsync("reminders", () => reminders.StopAsync());
        await StopStepAsync("projections", () => projections.StopAsync());
        await StopStepAsync("activations", () => directory.StopAsync(_options.SiloId, cancellationToken));
        ownership.PartitionLost -= OnPartitionLost;
        await StopStepAsync("partition leases", () => ownership.StopAsync(cancellationToken));
        Status = SiloStatus.Stopped;
    }

    private async Task StopStepAsync(string step, Func<Task> stop)
    {
        try
        {
            await stop();
        }
        catch (Exception ex)
        {
            RuntimeLog.StopStepFailed(logger, ex, step);
        }
    }

    public void Dispose() => _stopping?.Dispose();

    private void OnPartitionLost(int partition) =>
        _ = directory.DeactivateAsync(a => a.Partition == partition, DeactivationReason.PartitionLost);

    private async Task CollectIdleLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.CollectionInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await directory.CollectIdleAsync();
                }
                catch (Exception ex)
                {
                    RuntimeLog.BackgroundLoopFailed(logger, ex, "idle collection");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
