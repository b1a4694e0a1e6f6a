using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Projections;

/// <summary>
/// Runs every registered projection over the partitions this silo holds. A projection reads a partition
/// from its checkpoint, hands over batches in position order, then moves the checkpoint (fenced by the
/// partition lease). A local append wakes it at once; a poll catches anything else. When a partition moves
/// to another silo, that silo's runner resumes from the stored checkpoint.
/// </summary>
public sealed class ProjectionService(
    IEnumerable<IPartitionProjection> projections,
    IJournalStore journal,
    IProjectionCheckpointStore checkpoints,
    IPartitionOwnership ownership,
    IOptions<ProjectionOptions> options,
    TimeProvider timeProvider,
    ILogger<ProjectionService> logger) : IAsyncDisposable
{
    private readonly ProjectionOptions _options = options.Value;
    private readonly Worker[] _workers = projections.Select(static p => new Worker(p)).ToArray();
    private readonly SemaphoreSlim _stopGate = new(1, 1);
    private CancellationTokenSource? _stopping;
    private Task[] _loops = [];

    /// <summary>The projections this service runs.</summary>
    public IReadOnlyList<IPartitionProjection> Projections => _workers.Select(static w => w.Projection).ToArray();

    public void Start()
    {
        journal.Appended += OnAppended;
        _stopping = new CancellationTokenSource();
        _loops = _workers.Select(w => LoopAsync(w, _stopping.Token)).ToArray();
    }

    public async Task StopAsync()
    {
        journal.Appended -= OnAppended;
        // One stop at a time: the silo's stop and the container's dispose may both ask, and the second
        // must find the first finished rather than dispose what it is still using.
        await _stopGate.WaitAsync();
        try
        {
            if (_stopping is null)
            {
                return;
            }

            await _stopping.CancelAsync();
            await Task.WhenAll(_loops);
            _stopping.Dispose();
            _stopping = null;
        }
        finally
        {
            _stopGate.Release();
        }
    }

    /// <summary>Runs every projection over every held partition until nothing is pending (tests and tools use it).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        foreach (var worker in _workers)
        {
            await PassAsync(worker, ownership.LocalPartitions, cancellationToken);
        }
    }

    private void OnAppended(int partition)
    {
        foreach (var worker in _workers)
        {
            worker.Dirty[partition] = true;
            worker.Wake.TrySetResult();
        }
    }

    private async Task LoopAsync(Worker worker, CancellationToken cancellationToken)
    {
        var nextFullPass = timeProvider.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var wake = worker.Wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                IReadOnlyCollection<int> partitions;
                if (timeProvider.GetUtcNow() >= nextFullPass)
                {
                    partitions = ownership.LocalPartitions;
                    nextFullPass = timeProvider.GetUtcNow() + _options.PollInterval;
                }
                else
                {
                    partitions = worker.Dirty.Keys.ToArray();
                }

                foreach (var partition in partitions)
                {
                    worker.Dirty.TryRemove(partition, out _);
                }

                if (!await PassAsync(worker, partitions, cancellationToken))
                {
                    await Task.Delay(_options.RetryDelay, timeProvider, cancellationToken);
                    continue;
                }

                if (worker.Dirty.IsEmpty)
                {
                    var untilPoll = nextFullPass - timeProvider.GetUtcNow();
                    await Task.WhenAny(wake.Task, Task.Delay(untilPoll > TimeSpan.Zero ? untilPoll : TimeSpan.Zero, timeProvider, cancellationToken));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                RuntimeLog.BackgroundLoopFailed(logger, ex, $"projection {worker.Projection.Name}");
            }
        }
    }

    /// <summary>Brings the projection up to date on the given partitions; false if a batch failed.</summary>
    private async Task<bool> PassAsync(Worker worker, IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        var ok = true;
        await worker.Gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var partition in worker.Checkpoints.Keys.Where(p => !ownership.TryGetLocalLease(p, out _)).ToArray())
            {
                worker.Checkpoints.TryRemove(partition, out _);
                worker.StoredAt.TryRemove(partition, out _);
            }

            if (worker.Projection.CatchesUpPartitionsTogether)
            {
                var caughtUp = await Task.WhenAll(partitions.Select(partition => TryCatchUpAsync(worker, partition, cancellationToken)));
                ok = caughtUp.All(static done => done);
            }
            else
            {
                foreach (var partition in partitions)
                {
                    ok &= await TryCatchUpAsync(worker, partition, cancellationToken);
                }
            }
        }
        finally
        {
            worker.Gate.Release();
        }

        return ok;
    }

    private async Task<bool> TryCatchUpAsync(Worker worker, int partition, CancellationToken cancellationToken)
    {
        try
        {
            await CatchUpAsync(worker, partition, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The checkpoint did not move: the batch is handed over again on the next pass.
            worker.Checkpoints.TryRemove(partition, out _);
            worker.Dirty[partition] = true;
            RuntimeLog.ProjectionFailed(logger, ex, worker.Projection.Name, partition);
            return false;
        }
    }

    private async Task CatchUpAsync(Worker worker, int partition, CancellationToken cancellationToken)
    {
        if (!worker.Checkpoints.TryGetValue(partition, out var position))
        {
            position = await checkpoints.ReadAsync(worker.Projection.Name, partition, cancellationToken);
        }

        while (ownership.TryGetLocalLease(partition, out var lease))
        {
            var records = await journal.ReadPartitionAsync(partition, position, _options.BatchSize, cancellationToken);
            if (records.Count == 0)
            {
                break;
            }

            var relevant = records.Where(r => worker.Projection.Accepts(r.EventType)).ToArray();
            if (relevant.Length > 0)
            {
                await worker.Projection.ProjectAsync(partition, relevant, cancellationToken);
            }

            position = records[^1].Position;
            var now = timeProvider.GetUtcNow();
            // A projection that catches up its partitions together stores its checkpoints like idle ones: its
            // writes are idempotent and handing a few seconds of records over again after a restart costs little.
            if ((relevant.Length > 0 && !worker.Projection.CatchesUpPartitionsTogether)
                || !worker.StoredAt.TryGetValue(partition, out var storedAt)
                || now - storedAt >= _options.IdleCheckpointInterval)
            {
                await checkpoints.WriteAsync(worker.Projection.Name, partition, position, lease.Epoch, cancellationToken);
                worker.StoredAt[partition] = now;
            }

            worker.Checkpoints[partition] = position;
            if (records.Count < _options.BatchSize)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Worker(IPartitionProjection projection)
    {
        public IPartitionProjection Projection { get; } = projection;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        // Concurrent: a projection that catches up its partitions together updates them from several tasks.
        public ConcurrentDictionary<int, long> Checkpoints { get; } = new();

        /// <summary>When each partition's checkpoint was last written to storage.</summary>
        public ConcurrentDictionary<int, DateTimeOffset> StoredAt { get; } = new();

        public ConcurrentDictionary<int, bool> Dirty { get; } = new();

        public TaskCompletionSource Wake { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
