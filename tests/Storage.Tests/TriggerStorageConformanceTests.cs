using System.Collections.Concurrent;
using System.Text;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Tests;

/// <summary>
/// What every storage provider must do for trigger delivery (ARCHITECTURE D3, D5): a fenced, de-duplicating,
/// commit-ordered outbox; per-subscriber cursors, delivery queues and attempt logs; and the watch index.
/// </summary>
public abstract class TriggerStorageConformanceTests : IAsyncLifetime
{
    private const int Partitions = 8;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private TriggerStorageUnderTest? _storage;
    private string? _skipReason;

    /// <summary>The provider under test; skips the test when its server is not available.</summary>
    protected TriggerStorageUnderTest Storage
    {
        get
        {
            Skip.If(_skipReason is not null, _skipReason);
            return _storage!;
        }
    }

    protected abstract Task<TriggerStorageUnderTest> CreateStorageAsync();

    public async Task InitializeAsync()
    {
        try
        {
            _storage = await CreateStorageAsync();
        }
        catch (SkipException ex)
        {
            _skipReason = ex.Message;
            return;
        }

        await Storage.Cluster.JoinAsync(new SiloRegistration("silo-1", "http://127.0.0.1:1", Now), Partitions, TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    private async Task<long> TakeAsync(int partition, string silo = "silo-1")
    {
        var current = (await Storage.Cluster.ReadAsync()).Leases[partition];
        var lease = await Storage.Cluster.TryAcquireAsync(partition, silo, current.Epoch, TimeSpan.FromMinutes(1))
            ?? throw new InvalidOperationException("could not take the partition");
        return lease.Epoch;
    }

    private static OutboxMessage Message(string id, string type = "cart_abandonment", string key = "u:a", int minute = 0, bool withheld = false) =>
        new(id, type, key, Now.AddMinutes(minute), withheld, Encoding.UTF8.GetBytes($$"""{"id":"{{id}}"}"""));

    private static DeliveryAttempt Attempt(long sequence, int attempt, int? status, string? error = null, int minute = 0) =>
        new(sequence, attempt, Now.AddMinutes(minute), TimeSpan.FromMilliseconds(12), status, error);

    [SkippableFact]
    public async Task OutboxAppendsInOrderAndSkipsIdsItAlreadyHolds()
    {
        var epoch = await TakeAsync(1);

        var first = await Storage.Outbox.AppendAsync(1, epoch, [Message("a"), Message("b")]);
        var second = await Storage.Outbox.AppendAsync(1, epoch, [Message("b"), Message("c")]);
        var all = await Storage.Outbox.ReadAsync(0, 100);

        Assert.Equal((2, 1), (first, second));
        Assert.Equal(["a", "b", "c"], all.Select(e => e.MessageId));
        Assert.True(all[0].Sequence < all[1].Sequence && all[1].Sequence < all[2].Sequence);
        Assert.Equal(all[2].Sequence, await Storage.Outbox.LastSequenceAsync());
        Assert.Equal("""{"id":"b"}""", Encoding.UTF8.GetString(all[1].Payload));
        Assert.Equal(("cart_abandonment", "u:a", Now), (all[0].Type, all[0].Key, all[0].OccurredAt));
    }

    [SkippableFact]
    public async Task OutboxReadsResumeAfterASequenceAndFilterByType()
    {
        var epoch = await TakeAsync(2);
        await Storage.Outbox.AppendAsync(2, epoch, [Message("a", "high_intent"), Message("b", "cart_abandonment"), Message("c", "high_intent"), Message("d", "price_drop")]);
        var all = await Storage.Outbox.ReadAsync(0, 100);

        var afterFirst = await Storage.Outbox.ReadAsync(all[0].Sequence, 100);
        var intent = await Storage.Outbox.ReadAsync(0, 100, ["high_intent"]);
        var twoTypesFromB = await Storage.Outbox.ReadAsync(all[0].Sequence, 100, ["high_intent", "price_drop"]);
        var limited = await Storage.Outbox.ReadAsync(0, 2);

        Assert.Equal(["b", "c", "d"], afterFirst.Select(e => e.MessageId));
        Assert.Equal(["a", "c"], intent.Select(e => e.MessageId));
        Assert.Equal(["c", "d"], twoTypesFromB.Select(e => e.MessageId));
        Assert.Equal(["a", "b"], limited.Select(e => e.MessageId));
        Assert.Empty(await Storage.Outbox.ReadAsync(all[^1].Sequence, 100));
        Assert.Empty(await Storage.Outbox.ReadAsync(0, 100, []));
    }

    [SkippableFact]
    public async Task WithheldEntriesAreReadOnlyWhenAskedFor()
    {
        var epoch = await TakeAsync(3);
        await Storage.Outbox.AppendAsync(3, epoch, [Message("a"), Message("held", withheld: true), Message("c")]);

        var delivered = await Storage.Outbox.ReadAsync(0, 100);
        var recorded = await Storage.Outbox.ReadAsync(0, 100, includeWithheld: true);

        Assert.Equal(["a", "c"], delivered.Select(e => e.MessageId));
        Assert.Equal(["a", "held", "c"], recorded.Select(e => e.MessageId));
        Assert.True(recorded[1].Withheld);
        Assert.Equal("held", (await Storage.Outbox.ReadOneAsync(recorded[1].Sequence))!.MessageId);
        Assert.Null(await Storage.Outbox.ReadOneAsync(recorded[2].Sequence + 1000));
    }

    [SkippableFact]
    public async Task OutboxAppendWithAnOldFencingTokenIsRefused()
    {
        var old = await TakeAsync(4, "silo-1");
        await TakeAsync(4, "silo-2");

        await Assert.ThrowsAsync<LeaseLostException>(() => Storage.Outbox.AppendAsync(4, old, [Message("a")]));

        Assert.Empty(await Storage.Outbox.ReadAsync(0, 100, includeWithheld: true));
    }

    [SkippableFact]
    public async Task SequencesKeepGrowingAfterRetentionEmptiedTheOutbox()
    {
        var epoch = await TakeAsync(5);
        await Storage.Outbox.AppendAsync(5, epoch, [Message("old-1", minute: 0), Message("old-2", minute: 1), Message("kept", minute: 10)]);
        var before = await Storage.Outbox.LastSequenceAsync();

        var purged = await Storage.Outbox.PurgeAsync(Now.AddMinutes(5));
        await Storage.Outbox.AppendAsync(5, epoch, [Message("new", minute: 11)]);
        var all = await Storage.Outbox.ReadAsync(0, 100);

        Assert.Equal(2, purged);
        Assert.Equal(["kept", "new"], all.Select(e => e.MessageId));
        Assert.True(all[1].Sequence > before);
        Assert.Equal(all[1].Sequence, await Storage.Outbox.LastSequenceAsync());
    }

    [SkippableFact]
    public async Task ReaderFollowingConcurrentAppendsFromManyPartitionsMissesNothing()
    {
        var epochs = new long[Partitions];
        for (var p = 0; p < Partitions; p++)
        {
            epochs[p] = await TakeAsync(p);
        }

        var seen = new ConcurrentQueue<string>();
        using var done = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            // A reader that resumes after the last sequence it saw, as SSE and the dispatcher do: if a lower
            // sequence became visible after a higher one, it would be skipped and missing at the end.
            long cursor = 0;
            while (true)
            {
                var finished = done.IsCancellationRequested;
                var page = await Storage.Outbox.ReadAsync(cursor, 50);
                foreach (var entry in page)
                {
                    seen.Enqueue(entry.MessageId);
                    cursor = entry.Sequence;
                }

                // After the writers finished, read on until a page comes back empty: more than one page may be left.
                if (finished && page.Count == 0)
                {
                    return;
                }
            }
        });
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var partition = i % Partitions;
            for (var n = 0; n < 10; n++)
            {
                await Storage.Outbox.AppendAsync(partition, epochs[partition], [Message($"{i}-{n}-a", key: $"u:{i}"), Message($"{i}-{n}-b", key: $"u:{i}")]);
            }
        })));
        await done.CancelAsync();
        await reader;

        Assert.Equal(800, seen.Count);
        Assert.Equal(800, seen.Distinct().Count());
        var all = await Storage.Outbox.ReadAsync(0, 1000);
        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(
            Enumerable.Range(0, 10).SelectMany(n => new[] { $"{i}-{n}-a", $"{i}-{n}-b" }),
            all.Where(e => e.Key == $"u:{i}").Select(e => e.MessageId)));
    }

    [SkippableFact]
    public async Task EnqueueQueuesPendingDeliveriesAndMovesTheCursorOnlyForward()
    {
        var epoch = await TakeAsync(1);
        Assert.Equal(0, await Storage.Deliveries.ReadCursorAsync("s1"));

        await Storage.Deliveries.EnqueueAsync("s1", [new DeliveryItem(3, "m3", "high_intent", 2), new DeliveryItem(5, "m5", "cart_abandonment", 0)], 6, Now, 1, epoch);
        await Storage.Deliveries.EnqueueAsync("s1", [new DeliveryItem(3, "again", "x", 9)], 4, Now.AddMinutes(1), 1, epoch);
        await Storage.Deliveries.EnqueueAsync("s2", [], 9, Now, 1, epoch);

        Assert.Equal((6L, 9L), (await Storage.Deliveries.ReadCursorAsync("s1"), await Storage.Deliveries.ReadCursorAsync("s2")));
        var pending = await Storage.Deliveries.ReadPendingAsync("s1", 0, 10);
        Assert.Equal([(3L, "m3", "high_intent", 2), (5L, "m5", "cart_abandonment", 0)], pending.Select(d => (d.Sequence, d.MessageId, d.Type, d.Lane)));
        Assert.All(pending, d => Assert.Equal((DeliveryStatus.Pending, 0, Now, Now), (d.Status, d.Attempts, d.NextAttemptAt, d.QueuedAt)));
        Assert.Equal([5L], (await Storage.Deliveries.ReadPendingAsync("s1", 3, 10)).Select(d => d.Sequence));
        Assert.Empty(await Storage.Deliveries.ReadPendingAsync("s2", 0, 10));
    }

    [SkippableFact]
    public async Task AttemptsMoveADeliveryAndAreLoggedInOrder()
    {
        var epoch = await TakeAsync(2);
        await Storage.Deliveries.EnqueueAsync("s", [new DeliveryItem(7, "m7", "t", 1)], 7, Now, 2, epoch);

        await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(7, 1, 500, "HTTP 500"), DeliveryStatus.Pending, Now.AddMinutes(1)), 2, epoch);
        var retrying = await Storage.Deliveries.ReadAsync("s", 7);
        await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(7, 2, 204, minute: 1), DeliveryStatus.Delivered, null), 2, epoch);
        var delivered = await Storage.Deliveries.ReadAsync("s", 7);
        var attempts = await Storage.Deliveries.ReadAttemptsAsync("s", 7);

        Assert.Equal((DeliveryStatus.Pending, 1, Now.AddMinutes(1), 500, "HTTP 500"), (retrying!.Status, retrying.Attempts, retrying.NextAttemptAt, retrying.LastStatusCode, retrying.LastError));
        Assert.Equal((DeliveryStatus.Delivered, 2, 204, (string?)null, Now.AddMinutes(1)), (delivered!.Status, delivered.Attempts, delivered.LastStatusCode, delivered.LastError, delivered.UpdatedAt));
        Assert.Equal([(1, 500, "HTTP 500"), (2, 204, null)], attempts.Select(a => (a.Attempt, a.StatusCode, a.Error)));
        Assert.Equal(TimeSpan.FromMilliseconds(12), attempts[0].Duration);
        Assert.Empty(await Storage.Deliveries.ReadPendingAsync("s", 0, 10));
        Assert.Null(await Storage.Deliveries.ReadAsync("s", 8));
    }

    [SkippableFact]
    public async Task AttemptOnADeliveryThatIsNoLongerPendingIsIgnored()
    {
        var epoch = await TakeAsync(3);
        await Storage.Deliveries.EnqueueAsync("s", [new DeliveryItem(1, "m1", "t", 0)], 1, Now, 3, epoch);
        await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(1, 1, 200), DeliveryStatus.Delivered, null), 3, epoch);

        await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(1, 2, null, "late"), DeliveryStatus.Dead, null), 3, epoch);

        Assert.Equal(DeliveryStatus.Delivered, (await Storage.Deliveries.ReadAsync("s", 1))!.Status);
        Assert.Single(await Storage.Deliveries.ReadAttemptsAsync("s", 1));
    }

    [SkippableFact]
    public async Task RequeueMakesOneOrEveryDeadDeliveryPendingWithAFreshBudget()
    {
        var epoch = await TakeAsync(4);
        await Storage.Deliveries.EnqueueAsync("s", [new DeliveryItem(1, "m1", "t", 0), new DeliveryItem(2, "m2", "t", 0), new DeliveryItem(3, "m3", "t", 0)], 3, Now, 4, epoch);
        foreach (var sequence in new long[] { 1, 2 })
        {
            await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(sequence, 3, 500), DeliveryStatus.Dead, null), 4, epoch);
        }

        await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(3, 1, 200), DeliveryStatus.Delivered, null), 4, epoch);

        var one = await Storage.Deliveries.RequeueAsync("s", 3, Now.AddHours(1), 4, epoch);
        var dead = await Storage.Deliveries.RequeueAsync("s", null, Now.AddHours(2), 4, epoch);
        var none = await Storage.Deliveries.RequeueAsync("s", 99, Now, 4, epoch);
        var pending = await Storage.Deliveries.ReadPendingAsync("s", 0, 10);

        Assert.Equal((1, 2, 0), (one, dead, none));
        Assert.Equal([(1L, 0, Now.AddHours(2)), (2L, 0, Now.AddHours(2)), (3L, 0, Now.AddHours(1))], pending.Select(d => (d.Sequence, d.Attempts, d.NextAttemptAt)));
        Assert.Equal(3, (await Storage.Deliveries.ReadAttemptsAsync("s", 1)).Single().Attempt);
    }

    [SkippableFact]
    public async Task DeliveryWritesWithAnOldFencingTokenAreRefused()
    {
        var old = await TakeAsync(5, "silo-1");
        await Storage.Deliveries.EnqueueAsync("s", [new DeliveryItem(1, "m1", "t", 0)], 1, Now, 5, old);
        await TakeAsync(5, "silo-2");

        await Assert.ThrowsAsync<LeaseLostException>(() => Storage.Deliveries.EnqueueAsync("s", [new DeliveryItem(2, "m2", "t", 0)], 2, Now, 5, old));
        await Assert.ThrowsAsync<LeaseLostException>(() => Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(1, 1, 200), DeliveryStatus.Delivered, null), 5, old));
        await Assert.ThrowsAsync<LeaseLostException>(() => Storage.Deliveries.RequeueAsync("s", 1, Now, 5, old));
        await Assert.ThrowsAsync<LeaseLostException>(() => Storage.Deliveries.DeleteSubscriberAsync("s", 5, old));

        Assert.Equal(1, await Storage.Deliveries.ReadCursorAsync("s"));
        Assert.Equal(DeliveryStatus.Pending, Assert.Single(await Storage.Deliveries.ListAsync("s", null, 0, 10)).Status);
    }

    [SkippableFact]
    public async Task DeliveryLogFiltersByStatusAndPagesBySequence()
    {
        var epoch = await TakeAsync(6);
        await Storage.Deliveries.EnqueueAsync("s", Enumerable.Range(1, 6).Select(i => new DeliveryItem(i, $"m{i}", "t", 0)).ToArray(), 6, Now, 6, epoch);
        foreach (var sequence in new long[] { 2, 4 })
        {
            await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(sequence, 1, 200), DeliveryStatus.Delivered, null), 6, epoch);
        }

        await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(5, 1, null, "timeout"), DeliveryStatus.Dead, null), 6, epoch);

        Assert.Equal([2L, 4L], (await Storage.Deliveries.ListAsync("s", DeliveryStatus.Delivered, 0, 10)).Select(d => d.Sequence));
        Assert.Equal([5L], (await Storage.Deliveries.ListAsync("s", DeliveryStatus.Dead, 0, 10)).Select(d => d.Sequence));
        Assert.Equal([1L, 3L, 6L], (await Storage.Deliveries.ListAsync("s", DeliveryStatus.Pending, 0, 10)).Select(d => d.Sequence));
        Assert.Equal([3L, 4L], (await Storage.Deliveries.ListAsync("s", null, 2, 2)).Select(d => d.Sequence));
    }

    [SkippableFact]
    public async Task DeletingASubscriberRemovesItsCursorDeliveriesAndAttemptsOnly()
    {
        var epoch = await TakeAsync(7);
        foreach (var subscriber in new[] { "gone", "kept" })
        {
            await Storage.Deliveries.EnqueueAsync(subscriber, [new DeliveryItem(1, "m1", "t", 0)], 1, Now, 7, epoch);
            await Storage.Deliveries.RecordAttemptAsync(subscriber, new DeliveryOutcome(Attempt(1, 1, 500), DeliveryStatus.Pending, Now), 7, epoch);
        }

        await Storage.Deliveries.DeleteSubscriberAsync("gone", 7, epoch);

        Assert.Equal(0, await Storage.Deliveries.ReadCursorAsync("gone"));
        Assert.Empty(await Storage.Deliveries.ListAsync("gone", null, 0, 10));
        Assert.Empty(await Storage.Deliveries.ReadAttemptsAsync("gone", 1));
        Assert.Single(await Storage.Deliveries.ListAsync("kept", null, 0, 10));
        Assert.Single(await Storage.Deliveries.ReadAttemptsAsync("kept", 1));
    }

    [SkippableFact]
    public async Task PurgeRemovesOnlyFinishedDeliveriesLastChangedBeforeTheCutoff()
    {
        var epoch = await TakeAsync(1);
        await Storage.Deliveries.EnqueueAsync("s", Enumerable.Range(1, 4).Select(i => new DeliveryItem(i, $"m{i}", "t", 0)).ToArray(), 4, Now, 1, epoch);
        await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(1, 1, 200), DeliveryStatus.Delivered, null), 1, epoch);
        await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(2, 1, 500), DeliveryStatus.Dead, null), 1, epoch);
        await Storage.Deliveries.RecordAttemptAsync("s", new DeliveryOutcome(Attempt(3, 1, 200, minute: 60), DeliveryStatus.Delivered, null), 1, epoch);

        var purged = await Storage.Deliveries.PurgeAsync(Now.AddMinutes(30));

        Assert.Equal(2, purged);
        Assert.Equal([3L, 4L], (await Storage.Deliveries.ListAsync("s", null, 0, 10)).Select(d => d.Sequence));
        Assert.Empty(await Storage.Deliveries.ReadAttemptsAsync("s", 1));
    }

    [SkippableFact]
    public async Task WatchIndexKeepsTheLatestTimePerWatcherAndReadsMostRecentFirst()
    {
        var p1 = await TakeAsync(1);
        var p2 = await TakeAsync(2);
        await Storage.Watches.UpsertAsync(1, p1, [new WatchEntry("shoe", "u:a", Now.AddMinutes(5)), new WatchEntry("sock", "u:a", Now)]);
        await Storage.Watches.UpsertAsync(2, p2, [new WatchEntry("shoe", "u:b", Now.AddMinutes(3))]);

        await Storage.Watches.UpsertAsync(1, p1, [new WatchEntry("shoe", "u:a", Now.AddMinutes(1))]);
        await Storage.Watches.UpsertAsync(2, p2, [new WatchEntry("shoe", "u:b", Now.AddMinutes(9))]);

        var shoe = await Storage.Watches.ReadWatchersAsync("shoe", Now, 10);
        Assert.Equal([("u:b", Now.AddMinutes(9)), ("u:a", Now.AddMinutes(5))], shoe.Select(w => (w.Watcher, w.At)));
        Assert.Equal(["u:b"], (await Storage.Watches.ReadWatchersAsync("shoe", Now, 1)).Select(w => w.Watcher));
        Assert.Equal(["u:b"], (await Storage.Watches.ReadWatchersAsync("shoe", Now.AddMinutes(6), 10)).Select(w => w.Watcher));
        Assert.Empty(await Storage.Watches.ReadWatchersAsync("hat", Now, 10));
    }

    [SkippableFact]
    public async Task WatchIndexPurgesOldRowsAndRefusesAnOldFencingToken()
    {
        var old = await TakeAsync(3, "silo-1");
        await Storage.Watches.UpsertAsync(3, old, [new WatchEntry("shoe", "u:a", Now), new WatchEntry("shoe", "u:b", Now.AddDays(2))]);
        await TakeAsync(3, "silo-2");

        await Assert.ThrowsAsync<LeaseLostException>(() => Storage.Watches.UpsertAsync(3, old, [new WatchEntry("shoe", "u:c", Now)]));
        var purged = await Storage.Watches.PurgeAsync(Now.AddDays(1));

        Assert.Equal(1, purged);
        Assert.Equal(["u:b"], (await Storage.Watches.ReadWatchersAsync("shoe", Now.AddYears(-1), 10)).Select(w => w.Watcher));
    }
}
