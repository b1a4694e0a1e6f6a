using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Placement;

/// <summary>
/// Keeps this silo's share of the partitions, the way Orleans' ADO.NET clustering keeps membership: it
/// joins, renews its leases (which doubles as its heartbeat), and rebalances every renew interval.
/// Live silos are those that heartbeated within a lease duration; each aims at a fair share (partitions ÷
/// live silos, the remainder going to the lowest ids). A silo takes free or expired partitions up to its
/// share, and hands partitions over (draining their grains first) only when another live silo is below
/// its share. A silo that cannot renew for a whole lease duration drops every partition on its own: by
/// then another silo may hold them, and fencing would refuse its writes anyway.
/// </summary>
public sealed class PartitionOwnershipAgent(
    IClusterStore store,
    PartitionMap partitionMap,
    IOptions<SiloOptions> options,
    TimeProvider timeProvider,
    ILogger<PartitionOwnershipAgent> logger) : IPartitionOwnership, IAsyncDisposable
{
    private const int MaxHandOversPerRound = 8;
    private readonly SiloOptions _options = options.Value;
    private readonly ConcurrentDictionary<int, PartitionLease> _local = new();
    private readonly ConcurrentDictionary<int, bool> _releasing = new();
    private volatile ClusterSnapshot? _snapshot;
    private long _lastRenewalTimestamp;
    private CancellationTokenSource? _stopping;
    private Task? _loop;
    private readonly SemaphoreSlim _stopGate = new(1, 1);

    public string LocalSiloId => _options.SiloId;

    public IReadOnlyCollection<int> LocalPartitions => _local.Keys.Order().ToArray();

    public ClusterSnapshot? LastSnapshot => _snapshot;

    public event Action<int>? PartitionLost;

    /// <summary>Called before a partition is handed over, to drain its grains while the lease is still held.</summary>
    public Func<int, Task>? DrainPartitionAsync { get; set; }

    public bool TryGetLocalLease(int partition, [NotNullWhen(true)] out PartitionLease? lease) =>
        _local.TryGetValue(partition, out lease);

    public bool IsServing(int partition) => _local.ContainsKey(partition) && !_releasing.ContainsKey(partition);

    public string? OwnerOf(int partition)
    {
        if (_local.ContainsKey(partition))
        {
            return LocalSiloId;
        }

        var leases = _snapshot?.Leases;
        return leases is not null && partition < leases.Count ? leases[partition].Owner : null;
    }

    public string? SiloAddress(string siloId) => _snapshot?.Silos.FirstOrDefault(s => s.SiloId == siloId)?.Address;

    /// <summary>Joins the cluster and takes this silo's share of the partitions.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var registration = new SiloRegistration(LocalSiloId, _options.Address, timeProvider.GetUtcNow());
        await store.JoinAsync(registration, partitionMap.PartitionCount, _options.LeaseDuration, cancellationToken);
        _lastRenewalTimestamp = timeProvider.GetTimestamp();
        await BalanceAsync(cancellationToken);
        RuntimeLog.PartitionsAcquired(logger, LocalSiloId, _local.Count, partitionMap.PartitionCount);

        _stopping = new CancellationTokenSource();
        _loop = LoopAsync(_stopping.Token);
    }

    /// <summary>Stops renewing, hands every partition back and leaves the cluster.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopLoopAsync();
        foreach (var lease in _local.Values)
        {
            _releasing[lease.Partition] = true;
            await store.ReleaseAsync(lease, cancellationToken);
            Drop(lease.Partition);
        }

        await store.LeaveAsync(LocalSiloId, cancellationToken);
    }

    /// <summary>One round: renew (heartbeat), then rebalance. The loop calls it every renew interval.</summary>
    public async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<int> lost;
        try
        {
            lost = await store.RenewAsync(LocalSiloId, _local.Values.ToArray(), _options.LeaseDuration, cancellationToken);
            _lastRenewalTimestamp = timeProvider.GetTimestamp();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RuntimeLog.LeaseRenewalFailed(logger, ex, LocalSiloId);
            if (timeProvider.GetElapsedTime(_lastRenewalTimestamp) >= _options.LeaseDuration)
            {
                foreach (var partition in _local.Keys)
                {
                    Drop(partition);
                }
            }

            return;
        }

        foreach (var partition in lost)
        {
            Drop(partition);
        }

        await BalanceAsync(cancellationToken);
    }

    private async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot = await store.ReadAsync(cancellationToken);
        var live = snapshot.LiveSilos(_options.LeaseDuration).Select(s => s.SiloId).Append(LocalSiloId).Distinct().Order(StringComparer.Ordinal).ToArray();
        var target = store.IsExclusive ? partitionMap.PartitionCount : FairShare(LocalSiloId, live);
        var changed = false;
        var started = timeProvider.GetTimestamp();

        foreach (var lease in snapshot.Leases.OrderBy(l => l.Owner is null ? 0 : 1).ThenBy(l => l.ExpiresAt))
        {
            // Taking partitions must not delay the next renewal: what is left waits for the next round.
            if (timeProvider.GetElapsedTime(started) > _options.LeaseRenewInterval / 2)
            {
                break;
            }

            var free = lease.Owner is null || lease.ExpiresAt <= snapshot.Now;
            var ours = lease.Owner == LocalSiloId && !_local.ContainsKey(lease.Partition);
            var orphaned = free && lease.ExpiresAt + _options.LeaseDuration <= snapshot.Now;
            var mayTake = store.IsExclusive ? !_local.ContainsKey(lease.Partition) : ours || free && (_local.Count < target || orphaned);
            if (!mayTake)
            {
                continue;
            }

            try
            {
                if (await store.TryAcquireAsync(lease.Partition, LocalSiloId, lease.Epoch, _options.LeaseDuration, cancellationToken) is { } taken)
                {
                    _local[taken.Partition] = taken;
                    changed = true;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Someone else is writing under that lease right now (its row is locked): try next round.
                RuntimeLog.AcquireFailed(logger, ex, LocalSiloId, lease.Partition);
            }
        }

        if (!store.IsExclusive && _local.Count > target)
        {
            changed |= await ShedAsync(snapshot, live, target, cancellationToken);
        }

        if (changed)
        {
            _snapshot = await store.ReadAsync(cancellationToken);
        }
    }

    /// <summary>Hands over partitions above this silo's share, as many as other live silos are short of theirs.</summary>
    private async Task<bool> ShedAsync(ClusterSnapshot snapshot, string[] live, int target, CancellationToken cancellationToken)
    {
        var held = snapshot.Leases
            .Where(l => l.Owner is not null && l.ExpiresAt > snapshot.Now)
            .GroupBy(l => l.Owner!)
            .ToDictionary(g => g.Key, g => g.Count());
        var shortfall = live.Where(id => id != LocalSiloId).Sum(id => Math.Max(0, FairShare(id, live) - held.GetValueOrDefault(id)));
        // At most a few per round, so renewals keep their rhythm while grains drain.
        var toRelease = Math.Min(Math.Min(_local.Count - target, shortfall), MaxHandOversPerRound);
        foreach (var partition in _local.Keys.OrderDescending().Take(toRelease).ToArray())
        {
            await HandOverAsync(partition, cancellationToken);
        }

        return toRelease > 0;
    }

    private async Task HandOverAsync(int partition, CancellationToken cancellationToken)
    {
        _releasing[partition] = true;
        try
        {
            if (DrainPartitionAsync is { } drain)
            {
                await drain(partition);
            }

            if (_local.TryGetValue(partition, out var lease))
            {
                await store.ReleaseAsync(lease, cancellationToken);
            }

            RuntimeLog.PartitionHandedOver(logger, LocalSiloId, partition);
        }
        finally
        {
            Drop(partition);
        }
    }

    private int FairShare(string siloId, string[] live)
    {
        var rank = Array.IndexOf(live, siloId);
        var count = partitionMap.PartitionCount;
        return count / live.Length + (rank >= 0 && rank < count % live.Length ? 1 : 0);
    }

    private void Drop(int partition)
    {
        var wasReleasing = _releasing.TryRemove(partition, out _);
        if (_local.TryRemove(partition, out _))
        {
            if (!wasReleasing)
            {
                RuntimeLog.PartitionLost(logger, LocalSiloId, partition);
            }

            PartitionLost?.Invoke(partition);
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.LeaseRenewInterval, timeProvider);
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

    private async Task StopLoopAsync()
    {
        // One stop at a time: the silo's stop and the container's dispose may both ask, and the second must find
        // the first finished (it once found the token source already gone and failed).
        await _stopGate.WaitAsync();
        try
        {
            if (_stopping is null)
            {
                return;
            }

            await _stopping.CancelAsync();
            if (_loop is not null)
            {
                await _loop;
            }

            _stopping.Dispose();
            _stopping = null;
        }
        finally
        {
            _stopGate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopLoopAsync();
}
