using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Reminders;

/// <summary>
/// Fires due reminders of the partitions this silo holds. Reminders live in storage, so they survive
/// deactivation, restarts and failover; delivery is at least once: a reminder is removed (or moved to its
/// next period) only after the grain has handled it.
/// </summary>
public sealed class ReminderService(
    IReminderStore store,
    ReminderRegistry registry,
    IPartitionOwnership ownership,
    ActivationDirectory directory,
    IOptions<SiloOptions> options,
    TimeProvider timeProvider,
    ILogger<ReminderService> logger) : IAsyncDisposable
{
    private const int BatchSize = 1000;
    private const int MaxConcurrentDeliveries = 64;
    private const int PeekSize = 32;
    private readonly SiloOptions _options = options.Value;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _earliestRegisteredTicks = long.MaxValue;
    private readonly SemaphoreSlim _stopGate = new(1, 1);
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public void Start()
    {
        registry.Registered += OnRegistered;
        _stopping = new CancellationTokenSource();
        _loop = LoopAsync(_stopping.Token);
    }

    public async Task StopAsync()
    {
        registry.Registered -= OnRegistered;
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
            await _loop!;
            _stopping.Dispose();
            _stopping = null;
        }
        finally
        {
            _stopGate.Release();
        }
    }

    /// <summary>Delivers every reminder due now; returns how many were delivered.</summary>
    public async Task<int> FireDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        while (true)
        {
            var partitions = ownership.LocalPartitions.Where(ownership.IsServing).ToArray();
            if (partitions.Length == 0)
            {
                return delivered;
            }

            var now = timeProvider.GetUtcNow();
            var due = await store.ReadDueAsync(partitions, now, BatchSize, cancellationToken);
            var results = new List<Task<bool>>(due.Count);
            using var throttle = new SemaphoreSlim(MaxConcurrentDeliveries);
            foreach (var reminder in due)
            {
                await throttle.WaitAsync(cancellationToken);
                results.Add(DeliverAsync(reminder, now, throttle));
            }

            var outcomes = await Task.WhenAll(results);
            delivered += outcomes.Count(static ok => ok);
            if (due.Count < BatchSize || outcomes.All(static ok => !ok))
            {
                return delivered;
            }
        }
    }

    private async Task<bool> DeliverAsync(ReminderEntry reminder, DateTimeOffset now, SemaphoreSlim throttle)
    {
        try
        {
            var tick = new ReminderTick(reminder.DueAt, now, reminder.Period);
            await directory.InvokeAsync(reminder.GrainId, grain =>
                grain is IRemindable remindable
                    ? remindable.ReceiveReminderAsync(reminder.Name, tick)
                    : throw new InvalidOperationException($"{reminder.GrainId} has a reminder but does not implement IRemindable."));

            if (!ownership.TryGetLocalLease(reminder.Partition, out var lease))
            {
                return true;
            }

            if (reminder.Period is { } period && period > TimeSpan.Zero)
            {
                var next = reminder.DueAt;
                while (next <= now)
                {
                    next += period;
                }

                await store.UpsertAsync(reminder with { DueAt = next }, lease.Epoch);
            }
            else
            {
                await store.DeleteAsync(reminder.GrainId, reminder.Name, reminder.Partition, lease.Epoch, onlyIfDueAt: reminder.DueAt);
            }

            return true;
        }
        catch (Exception ex)
        {
            RuntimeLog.ReminderFailed(logger, ex, reminder.GrainId, reminder.Name);
            return false;
        }
        finally
        {
            throttle.Release();
        }
    }

    private void OnRegistered(DateTimeOffset dueAt)
    {
        var ticks = dueAt.UtcTicks;
        var seen = Volatile.Read(ref _earliestRegisteredTicks);
        while (ticks < seen)
        {
            var previous = Interlocked.CompareExchange(ref _earliestRegisteredTicks, ticks, seen);
            if (previous == seen)
            {
                _wake.TrySetResult();
                return;
            }

            seen = previous;
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Sleep for one poll interval, or less when a reminder is due sooner: one registered here
                // (a new registration wakes the loop to recompute), or one already in storage (registered
                // before the last pass, before a restart, or by another silo), so a reminder fires at its
                // due time rather up to a poll interval late.
                var wake = _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var delay = _options.ReminderPollInterval;
                var now = timeProvider.GetUtcNow();
                var earliest = Volatile.Read(ref _earliestRegisteredTicks);
                DateTimeOffset? nextDue = earliest != long.MaxValue ? new DateTimeOffset(earliest, TimeSpan.Zero) : null;
                if (await NextStoredDueAsync(now, cancellationToken) is { } stored && (nextDue is null || stored < nextDue))
                {
                    nextDue = stored;
                }

                if (nextDue is { } due)
                {
                    var untilDue = due - now;
                    delay = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < delay ? untilDue : delay;
                }

                var woken = await Task.WhenAny(Task.Delay(delay, timeProvider, cancellationToken), wake.Task) == wake.Task;
                cancellationToken.ThrowIfCancellationRequested();
                if (woken)
                {
                    continue;
                }

                Interlocked.Exchange(ref _earliestRegisteredTicks, long.MaxValue);
                await FireDueRemindersAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                RuntimeLog.BackgroundLoopFailed(logger, ex, "reminder");
            }
        }
    }

    /// <summary>
    /// The due time of the next stored reminder that falls within the coming poll interval. Reminders already
    /// overdue (one whose grain keeps failing, say) are skipped: they are retried at the poll, not in a spin.
    /// </summary>
    private async Task<DateTimeOffset?> NextStoredDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partitions = ownership.LocalPartitions.Where(ownership.IsServing).ToArray();
        if (partitions.Length == 0)
        {
            return null;
        }

        var soon = await store.ReadDueAsync(partitions, now + _options.ReminderPollInterval, PeekSize, cancellationToken);
        return soon.FirstOrDefault(r => r.DueAt > now)?.DueAt;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
