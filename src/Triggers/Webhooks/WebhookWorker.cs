using System.IO.Hashing;
using System.Text;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Grains.Webhooks;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>
/// Delivers the outbox to one subscription. It queues new entries (moving the subscription's cursor in
/// the same write), then sends them lane by lane: one delivery at a time per lane (a lane per shopper, so
/// order holds per shopper), lanes in parallel up to the request limit, earliest due first. A failed
/// attempt waits its backoff while other shoppers carry on; after the last attempt it becomes a dead letter
/// and the shopper's next trigger goes.
/// Every outcome is written (fenced by the subscription grain's partition) before the worker acts on it.
/// </summary>
internal sealed class WebhookWorker(string subscriptionId, WebhookDeliveryServices services)
{
    private const int PumpBatch = 500;
    private readonly int _maxInMemory = services.Options.MaxPendingInMemory;
    private readonly string _subscriber = WebhookSubscribers.SubscriberOf(subscriptionId);
    private readonly int _partition = services.PartitionMap.PartitionOf(WebhookSubscribers.GrainIdOf(subscriptionId));
    private readonly Dictionary<int, SortedDictionary<long, PendingDelivery>> _lanes = [];
    private readonly HashSet<long> _known = [];
    private readonly HashSet<int> _busyLanes = [];

    // Heads of idle lanes by due time; an entry whose lane head has changed since is stale and skipped.
    private readonly PriorityQueue<(int Lane, long Sequence, DateTimeOffset Due), (DateTimeOffset, long)> _ready = new();
    private readonly List<Task<Completed>> _running = [];
    private readonly Random _jitter = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _reload = true;
    private WebhookTarget? _target;
    private long _cursor;

    // Pending deliveries in storage after this sequence are not in memory yet (-1: all are). Only once all are
    // does the worker queue new outbox entries, so a shopper's later trigger never overtakes an earlier one.
    private long _storedAfter = -1;

    public string SubscriptionId => subscriptionId;

    public int Partition => _partition;

    /// <summary>New outbox entries may be there.</summary>
    public void Wake() => _wake.TrySetResult();

    /// <summary>The subscription changed or deliveries were requeued: read both again.</summary>
    public void Reload()
    {
        _reload = true;
        _wake.TrySetResult();
    }

    /// <summary>Runs until stopped, the subscription is gone, or this silo no longer holds its partition.</summary>
    public async Task<string> RunAsync(CancellationToken stopping)
    {
        try
        {
            _cursor = await services.Deliveries.ReadCursorAsync(_subscriber, stopping);
            DeliveryLog.WorkerStarted(services.Logger, subscriptionId, _cursor);
            while (!stopping.IsCancellationRequested)
            {
                var wake = _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_reload)
                {
                    _reload = false;
                    if (!await ReloadAsync(stopping))
                    {
                        return "the subscription was deleted";
                    }
                }

                if (!services.Ownership.TryGetLocalLease(_partition, out var lease))
                {
                    return "this silo no longer holds the subscription's partition";
                }

                if (_target!.Enabled)
                {
                    await LoadMoreStoredAsync(stopping);
                    if (_storedAfter < 0)
                    {
                        await PumpAsync(lease.Epoch, stopping);
                    }

                    StartDueDeliveries(lease.Epoch, stopping);
                }

                await WaitAsync(wake.Task, stopping);
                if (!Collect())
                {
                    return "this silo no longer holds the subscription's partition";
                }
            }

            return "the silo is stopping";
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return "the silo is stopping";
        }
        finally
        {
            // In-flight attempts end with the stop signal; what they did not record is tried again after a restart.
            await Task.WhenAll(_running.Select(static t => t.ContinueWith(static _ => { }, TaskScheduler.Default)));
        }
    }

    private async Task<bool> ReloadAsync(CancellationToken stopping)
    {
        _target = await services.Grains.GetGrain<IWebhookSubscriptionGrain>(subscriptionId).GetTargetAsync();
        if (_target is null)
        {
            return false;
        }

        // Deliveries queued before a restart, or requeued by a redelivery, are read back from storage.
        var pending = await services.Deliveries.ReadPendingAsync(_subscriber, 0, _maxInMemory, stopping);
        await AddStoredAsync(pending, stopping);
        _storedAfter = pending.Count == _maxInMemory ? pending[^1].Sequence : -1;
        return true;
    }

    /// <summary>Reads the next page of stored pending deliveries once half of those in memory are done.</summary>
    private async Task LoadMoreStoredAsync(CancellationToken stopping)
    {
        if (_storedAfter < 0 || _known.Count > _maxInMemory / 2)
        {
            return;
        }

        var room = _maxInMemory - _known.Count;
        var pending = await services.Deliveries.ReadPendingAsync(_subscriber, _storedAfter, room, stopping);
        await AddStoredAsync(pending, stopping);
        _storedAfter = pending.Count == room ? pending[^1].Sequence : -1;
    }

    private async Task AddStoredAsync(IReadOnlyList<DeliveryRecord> pending, CancellationToken stopping)
    {
        foreach (var record in pending)
        {
            if (_known.Contains(record.Sequence))
            {
                if (_lanes.TryGetValue(record.Lane, out var lane) && lane.TryGetValue(record.Sequence, out var held) && !_busyLanes.Contains(record.Lane))
                {
                    held.Attempts = record.Attempts;
                    held.NextAttemptAt = record.NextAttemptAt;
                    Schedule(record.Lane);
                }

                continue;
            }

            var entry = await services.Outbox.ReadOneAsync(record.Sequence, stopping);
            Add(new PendingDelivery(record.Sequence, record.MessageId, record.Type, record.Lane, entry?.Payload ?? [])
            {
                Attempts = record.Attempts,
                NextAttemptAt = record.NextAttemptAt,
            });
        }
    }

    /// <summary>Queues outbox entries after the cursor, in batches, while there is room in memory.</summary>
    private async Task PumpAsync(long epoch, CancellationToken stopping)
    {
        var types = _target!.Types.Count == 0 ? null : _target.Types;
        while (_known.Count < _maxInMemory)
        {
            // Sequences are commit-ordered: everything up to `last` is visible to the read that follows.
            var last = await services.Outbox.LastSequenceAsync(stopping);
            if (last <= _cursor)
            {
                return;
            }

            var entries = await services.Outbox.ReadAsync(_cursor, PumpBatch, types, cancellationToken: stopping);
            var complete = entries.Count < PumpBatch;
            var cursor = complete ? Math.Max(last, entries.Count > 0 ? entries[^1].Sequence : 0) : entries[^1].Sequence;
            var items = entries.Select(e => new DeliveryItem(e.Sequence, e.MessageId, e.Type, LaneOf(e.Key))).ToArray();
            var now = services.TimeProvider.GetUtcNow();
            await services.Deliveries.EnqueueAsync(_subscriber, items, cursor, now, _partition, epoch, stopping);
            _cursor = cursor;
            for (var i = 0; i < entries.Count; i++)
            {
                Add(new PendingDelivery(entries[i].Sequence, entries[i].MessageId, entries[i].Type, items[i].Lane, entries[i].Payload) { NextAttemptAt = now });
            }

            if (complete)
            {
                return;
            }
        }
    }

    private void StartDueDeliveries(long epoch, CancellationToken stopping)
    {
        var now = services.TimeProvider.GetUtcNow();
        while (_running.Count < services.Options.MaxConcurrentRequests && _ready.TryPeek(out var head, out _) && head.Due <= now)
        {
            _ready.Dequeue();
            if (IsCurrent(head))
            {
                _busyLanes.Add(head.Lane);
                _running.Add(DeliverAsync(HeadOf(head.Lane)!, epoch, stopping));
            }
        }
    }

    private async Task<Completed> DeliverAsync(PendingDelivery delivery, long epoch, CancellationToken stopping)
    {
        try
        {
            var target = _target!;
            var attempt = delivery.Attempts + 1;
            var at = services.TimeProvider.GetUtcNow();
            var result = delivery.Payload.Length == 0
                ? new SendResult(false, null, "the trigger is no longer in the outbox (retention)", TimeSpan.Zero)
                : await services.Sender.SendAsync(target, delivery.MessageId, delivery.Payload, attempt, stopping);
            stopping.ThrowIfCancellationRequested();

            var maxAttempts = delivery.Payload.Length == 0 ? attempt : target.MaxAttempts ?? services.Options.MaxAttempts;
            var record = new DeliveryAttempt(delivery.Sequence, attempt, at, result.Duration, result.StatusCode, result.Error);
            DeliveryOutcome outcome;
            if (result.Success)
            {
                outcome = new DeliveryOutcome(record, DeliveryStatus.Delivered, null);
            }
            else if (attempt >= maxAttempts)
            {
                outcome = new DeliveryOutcome(record, DeliveryStatus.Dead, null);
            }
            else
            {
                var wait = RetrySchedule.DelayAfter(attempt, services.Options.RetryBaseDelay, services.Options.RetryMaxDelay, _jitter.NextDouble());
                outcome = new DeliveryOutcome(record, DeliveryStatus.Pending, services.TimeProvider.GetUtcNow() + wait);
            }

            await services.Deliveries.RecordAttemptAsync(_subscriber, outcome, _partition, epoch, stopping);
            return new Completed(delivery, outcome, null);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            return new Completed(delivery, null, ex);
        }
    }

    /// <summary>Applies finished deliveries to the lanes; false when a write was refused because the partition moved.</summary>
    private bool Collect()
    {
        var keepGoing = true;
        for (var i = _running.Count - 1; i >= 0; i--)
        {
            if (_running[i].IsCompletedSuccessfully)
            {
                keepGoing &= Apply(_running[i].Result);
                _running.RemoveAt(i);
            }
        }

        return keepGoing;
    }

    private bool Apply(Completed completed)
    {
        var keepGoing = ApplyOutcome(completed);
        _busyLanes.Remove(completed.Delivery.Lane);
        Schedule(completed.Delivery.Lane);
        return keepGoing;
    }

    private bool ApplyOutcome(Completed completed)
    {
        var (delivery, outcome, error) = completed;
        if (outcome is null)
        {
            // The outcome was not recorded, so nothing happened as far as storage knows: try again after a pause.
            delivery.NextAttemptAt = services.TimeProvider.GetUtcNow() + services.Options.RetryBaseDelay;
            if (error is LeaseLostException)
            {
                return false;
            }

            DeliveryLog.WorkerFailed(services.Logger, error!, subscriptionId);
            return true;
        }

        delivery.Attempts = outcome.Attempt.Attempt;
        switch (outcome.Status)
        {
            case DeliveryStatus.Pending:
                delivery.NextAttemptAt = outcome.NextAttemptAt!.Value;
                DeliveryLog.AttemptFailed(services.Logger, subscriptionId, delivery.Sequence, delivery.Attempts, outcome.Attempt.Error ?? "", delivery.NextAttemptAt);
                break;
            case DeliveryStatus.Dead:
                DeliveryLog.DeadLetter(services.Logger, subscriptionId, delivery.Sequence, delivery.Attempts, outcome.Attempt.Error ?? "");
                Remove(delivery);
                break;
            default:
                Remove(delivery);
                break;
        }

        return true;
    }

    private async Task WaitAsync(Task wake, CancellationToken stopping)
    {
        var waitFor = services.OutboxOptions.PollInterval;
        while (_ready.TryPeek(out var stale, out _) && !IsCurrent(stale))
        {
            _ready.Dequeue();
        }

        if (_ready.TryPeek(out var next, out _))
        {
            var untilDue = next.Due - services.TimeProvider.GetUtcNow();
            if (untilDue <= TimeSpan.Zero && _running.Count < services.Options.MaxConcurrentRequests)
            {
                return;
            }

            waitFor = untilDue > TimeSpan.Zero && untilDue < waitFor ? untilDue : waitFor;
        }

        var tasks = new List<Task>(_running.Count + 2) { wake };
        tasks.AddRange(_running);
        tasks.Add(Task.Delay(waitFor, services.TimeProvider, stopping));
        await Task.WhenAny(tasks);
        stopping.ThrowIfCancellationRequested();
    }

    private void Add(PendingDelivery delivery)
    {
        if (!_known.Add(delivery.Sequence))
        {
            return;
        }

        if (!_lanes.TryGetValue(delivery.Lane, out var lane))
        {
            _lanes[delivery.Lane] = lane = [];
        }

        lane[delivery.Sequence] = delivery;
        Schedule(delivery.Lane);
    }

    /// <summary>Queues the lane's head for sending, unless the lane is busy (it is queued again when its delivery ends).</summary>
    private void Schedule(int lane)
    {
        if (!_busyLanes.Contains(lane) && HeadOf(lane) is { } head)
        {
            _ready.Enqueue((lane, head.Sequence, head.NextAttemptAt), (head.NextAttemptAt, head.Sequence));
        }
    }

    private bool IsCurrent((int Lane, long Sequence, DateTimeOffset Due) entry) =>
        !_busyLanes.Contains(entry.Lane) && HeadOf(entry.Lane) is { } head && head.Sequence == entry.Sequence && head.NextAttemptAt == entry.Due;

    private PendingDelivery? HeadOf(int lane) =>
        _lanes.TryGetValue(lane, out var deliveries) && deliveries.Count > 0 ? deliveries.First().Value : null;

    private void Remove(PendingDelivery delivery)
    {
        _known.Remove(delivery.Sequence);
        var lane = _lanes[delivery.Lane];
        lane.Remove(delivery.Sequence);
        if (lane.Count == 0)
        {
            _lanes.Remove(delivery.Lane);
        }
    }

    /// <summary>
    /// The lane of an ordering key: its 31-bit hash, so in effect one lane per shopper (two shoppers share a
    /// lane about once in two billion pairs, which only costs them some parallelism).
    /// </summary>
    internal static int LaneOf(string key) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(key)) & 0x7FFF_FFFF);

    private sealed record Completed(PendingDelivery Delivery, DeliveryOutcome? Outcome, Exception? Error);
}
