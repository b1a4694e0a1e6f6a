using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// Keeps <see cref="AnalyticsStore"/> up to date on this silo by tailing every partition of the journal, not only
/// those this silo holds, so any silo answers analytics over all shoppers. Positions live in memory and start at
/// zero with the process: the model is rebuilt by replay at every start (D2), which needs no checkpoints or
/// fencing because it writes nothing. A local append wakes the reader at once; a poll finds other silos' appends.
/// </summary>
public sealed class AnalyticsReadModel(
    IJournalStore journal,
    PartitionMap partitions,
    IOptions<AnalyticsOptions> options,
    TimeProvider timeProvider,
    ILogger<AnalyticsReadModel> logger) : BackgroundService
{
    private readonly AnalyticsOptions _options = options.Value;
    private readonly long[] _positions = new long[partitions.PartitionCount];
    private readonly ConcurrentDictionary<int, bool> _dirty = new();
    private readonly SemaphoreSlim _reading = new(1, 1);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _caughtUp;

    public AnalyticsStore Store { get; } = new(options.Value.MaxEvents);

    /// <summary>True once a pass over every partition found nothing new since the process started.</summary>
    public bool CaughtUp => _caughtUp;

    /// <summary>Reads every partition until none has anything new (tests and tools call it to wait for the model).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        while (await PassAsync(Enumerable.Range(0, _positions.Length), cancellationToken))
        {
        }

        _caughtUp = true;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Enabled)
        {
            journal.Appended += OnAppended;
        }

        return _options.Enabled ? base.StartAsync(cancellationToken) : Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        journal.Appended -= OnAppended;
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _reading.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = Stopwatch.StartNew();
        var nextFullPass = timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wake = Volatile.Read(ref _wake);
                IEnumerable<int> due;
                if (timeProvider.GetUtcNow() >= nextFullPass)
                {
                    due = Enumerable.Range(0, _positions.Length);
                    nextFullPass = timeProvider.GetUtcNow() + _options.PollInterval;
                }
                else
                {
                    due = _dirty.Keys.ToArray();
                }

                foreach (var partition in due)
                {
                    _dirty.TryRemove(partition, out _);
                }

                var progressed = await PassAsync(due, stoppingToken);
                if (!progressed && !_caughtUp)
                {
                    _caughtUp = true;
                    var status = Store.Status();
                    AnalyticsLog.CaughtUp(logger, status.RecordsRead, status.EventsHeld, started.ElapsedMilliseconds);
                }

                if (!progressed && _dirty.IsEmpty)
                {
                    Volatile.Write(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    var untilPoll = nextFullPass - timeProvider.GetUtcNow();
                    await Task.WhenAny(wake.Task, _wake.Task, Task.Delay(untilPoll > TimeSpan.Zero ? untilPoll : TimeSpan.Zero, timeProvider, stoppingToken));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void OnAppended(int partition)
    {
        _dirty[partition] = true;
        Volatile.Read(ref _wake).TrySetResult();
    }

    /// <summary>Reads one batch from each partition given; true when any had new records.</summary>
    private async Task<bool> PassAsync(IEnumerable<int> due, CancellationToken cancellationToken)
    {
        var progressed = false;
        await _reading.WaitAsync(cancellationToken);
        try
        {
            foreach (var partition in due)
            {
                try
                {
                    var records = await journal.ReadPartitionAsync(partition, _positions[partition], _options.BatchSize, cancellationToken);
                    if (records.Count == 0)
                    {
                        continue;
                    }

                    Store.Apply(records);
                    _positions[partition] = records[^1].Position;
                    progressed = true;
                    if (records.Count == _options.BatchSize)
                    {
                        _dirty[partition] = true;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The position did not move: the same records are read on the next full pass.
                    AnalyticsLog.ReadFailed(logger, ex, partition);
                }
            }
        }
        finally
        {
            _reading.Release();
        }

        return progressed;
    }
}
