using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Placement;

/// <summary>
/// Joins the cluster, takes partition leases and keeps renewing them. A partition is taken when it is
/// free, when its lease has expired, when it is already this silo's, or when the store is exclusive to
/// this process (so any other holder is a dead predecessor).
/// </summary>
public sealed class PartitionOwnershipAgent(
    IClusterStore store,
    PartitionMap partitionMap,
    IOptions<SiloOptions> options,
    TimeProvider timeProvider,
    ILogger<PartitionOwnershipAgent> logger) : IPartitionOwnership, IAsyncDisposable
{
    private readonly SiloOptions _options = options.Value;
    private readonly ConcurrentDictionary<int, PartitionLease> _local = new();
    private volatile IReadOnlyList<PartitionLease> _all = [];
    private CancellationTokenSource? _stopping;
    private Task? _renewLoop;

    public string LocalSiloId => _options.SiloId;

    public IReadOnlyCollection<int> LocalPartitions => _local.Keys.Order().ToArray();

    public event Action<int>? PartitionLost;

    public bool TryGetLocalLease(int partition, [NotNullWhen(true)] out PartitionLease? lease) =>
        _local.TryGetValue(partition, out lease);

    public string? OwnerOf(int partition)
    {
        if (_local.ContainsKey(partition))
        {
            return LocalSiloId;
        }

        var all = _all;
        return partition < all.Count ? all[partition].Owner : null;
    }

    /// <summary>Joins the cluster and takes the partitions this silo may take.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var registration = new SiloRegistration(LocalSiloId, _options.Address, timeProvider.GetUtcNow());
        await store.JoinAsync(registration, partitionMap.PartitionCount, cancellationToken);
        await AcquireAvailableAsync(cancellationToken);
        RuntimeLog.PartitionsAcquired(logger, LocalSiloId, _local.Count, partitionMap.PartitionCount);

        _stopping = new CancellationTokenSource();
        _renewLoop = RenewLoopAsync(_stopping.Token);
    }

    /// <summary>Stops renewing, hands every partition back and leaves the cluster.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopRenewingAsync();
        foreach (var lease in _local.Values)
        {
            await store.ReleaseAsync(lease, cancellationToken);
        }

        _local.Clear();
        await store.LeaveAsync(LocalSiloId, cancellationToken);
    }

    /// <summary>One round of renewing held leases and taking free ones (the loop calls this).</summary>
    public async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        var expiresAt = timeProvider.GetUtcNow() + _options.LeaseDuration;
        var lost = await store.RenewAsync(LocalSiloId, _local.Values.ToArray(), expiresAt, cancellationToken);
        foreach (var partition in lost)
        {
            if (_local.TryRemove(partition, out _))
            {
                RuntimeLog.PartitionLost(logger, LocalSiloId, partition);
                PartitionLost?.Invoke(partition);
            }
        }

        foreach (var lease in _local.Values)
        {
            _local[lease.Partition] = lease with { ExpiresAt = expiresAt };
        }

        await AcquireAvailableAsync(cancellationToken);
    }

    private async Task AcquireAvailableAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var leases = await store.ReadLeasesAsync(cancellationToken);
        foreach (var lease in leases)
        {
            var mayTake = lease.Owner is null
                || lease.Owner == LocalSiloId && !_local.ContainsKey(lease.Partition)
                || lease.ExpiresAt <= now
                || store.IsExclusive && lease.Owner != LocalSiloId;
            if (!mayTake)
            {
                continue;
            }

            var taken = await store.TryAcquireAsync(lease.Partition, LocalSiloId, lease.Epoch, now + _options.LeaseDuration, cancellationToken);
            if (taken is not null)
            {
                _local[taken.Partition] = taken;
            }
        }

        _all = await store.ReadLeasesAsync(cancellationToken);
    }

    private async Task RenewLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.LeaseDuration / 3, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await RenewOnceAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    RuntimeLog.LeaseRenewalFailed(logger, ex, LocalSiloId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task StopRenewingAsync()
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_renewLoop is not null)
        {
            await _renewLoop;
        }

        _stopping.Dispose();
        _stopping = null;
    }

    public async ValueTask DisposeAsync() => await StopRenewingAsync();
}
