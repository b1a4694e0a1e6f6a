using System.Text;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Tests;

/// <summary>
/// What every storage provider must do, run against each real provider (ARCHITECTURE D3): the runtime
/// relies on exactly these behaviours for durability, fencing and optimistic concurrency.
/// </summary>
public abstract class StorageConformanceTests : IAsyncLifetime
{
    private const int Partitions = 8;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private StorageUnderTest? _storage;
    private string? _skipReason;

    /// <summary>The provider under test; skips the test when its server is not available.</summary>
    protected StorageUnderTest Storage
    {
        get
        {
            Skip.If(_skipReason is not null, _skipReason);
            return _storage!;
        }
    }

    protected abstract Task<StorageUnderTest> CreateStorageAsync();

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

    private async Task<PartitionLease> TakeAsync(int partition, string silo = "silo-1")
    {
        var current = (await Storage.Cluster.ReadAsync()).Leases[partition];
        return await Storage.Cluster.TryAcquireAsync(partition, silo, current.Epoch, TimeSpan.FromMinutes(1))
            ?? throw new InvalidOperationException("could not take the partition");
    }

    private static NewJournalEvent Event(string text, int minute = 0) =>
        new("test-event", Encoding.UTF8.GetBytes($"{{\"text\":\"{text}\"}}"), Now.AddMinutes(minute));

    [SkippableFact]
    public async Task AppendedEventsReadBackInOrderWithSequenceNumbers()
    {
        var lease = await TakeAsync(3);
        await Storage.Journal.AppendAsync(new JournalAppend("s/1", 3, lease.Epoch, 0, [Event("a", 1), Event("b", 2)]));
        await Storage.Journal.AppendAsync(new JournalAppend("s/1", 3, lease.Epoch, 2, [Event("c", 3)]));

        var all = await Storage.Journal.ReadStreamAsync("s/1", 0);
        var tail = await Storage.Journal.ReadStreamAsync("s/1", 2);

        Assert.Equal([1L, 2L, 3L], all.Select(r => r.Sequence));
        Assert.Equal(["a", "b", "c"], all.Select(r => Encoding.UTF8.GetString(r.Payload)[9..10]));
        Assert.Equal(Now.AddMinutes(2), all[1].Timestamp);
        Assert.Equal("test-event", all[0].EventType);
        Assert.Equal(3L, Assert.Single(tail).Sequence);
    }

    [SkippableFact]
    public async Task AppendBehindTheJournalIsRefusedAndWritesNothing()
    {
        var lease = await TakeAsync(1);
        await Storage.Journal.AppendAsync(new JournalAppend("s/2", 1, lease.Epoch, 0, [Event("a")]));

        await Assert.ThrowsAsync<JournalConflictException>(() =>
            Storage.Journal.AppendAsync(new JournalAppend("s/2", 1, lease.Epoch, 0, [Event("x"), Event("y")])));

        Assert.Single(await Storage.Journal.ReadStreamAsync("s/2", 0));
    }

    [SkippableFact]
    public async Task WriteWithAnOldFencingTokenIsRefused()
    {
        var old = await TakeAsync(2, "silo-1");
        await TakeAsync(2, "silo-2");

        await Assert.ThrowsAsync<LeaseLostException>(() =>
            Storage.Journal.AppendAsync(new JournalAppend("s/3", 2, old.Epoch, 0, [Event("a")])));
        await Assert.ThrowsAsync<LeaseLostException>(() =>
            Storage.Snapshots.WriteAsync("s/3", 2, old.Epoch, new GrainSnapshot(1, [1])));
        await Assert.ThrowsAsync<LeaseLostException>(() =>
            Storage.Reminders.UpsertAsync(new ReminderEntry(new GrainId("t", "k"), "r", 2, Now, null), old.Epoch));

        Assert.Empty(await Storage.Journal.ReadStreamAsync("s/3", 0));
    }

    [SkippableFact]
    public async Task ConcurrentAppendsToManyStreamsAllLand()
    {
        var leases = new Dictionary<int, PartitionLease>();
        for (var p = 0; p < Partitions; p++)
        {
            leases[p] = await TakeAsync(p);
        }

        var appends = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var partition = i % Partitions;
            for (var n = 0; n < 5; n++)
            {
                await Storage.Journal.AppendAsync(new JournalAppend($"c/{i}", partition, leases[partition].Epoch, n, [Event($"{n}")]));
            }
        }));
        await Task.WhenAll(appends);

        for (var i = 0; i < 200; i += 37)
        {
            Assert.Equal(5, (await Storage.Journal.ReadStreamAsync($"c/{i}", 0)).Count);
        }
    }

    [SkippableFact]
    public async Task OneRefusedAppendDoesNotFailItsNeighbours()
    {
        var lease = await TakeAsync(4);
        await Storage.Journal.AppendAsync(new JournalAppend("n/0", 4, lease.Epoch, 0, [Event("a")]));

        var good = Enumerable.Range(1, 20).Select(i => Storage.Journal.AppendAsync(new JournalAppend($"n/{i}", 4, lease.Epoch, 0, [Event("a")])));
        var bad = Storage.Journal.AppendAsync(new JournalAppend("n/0", 4, lease.Epoch, 0, [Event("dup")]));

        await Task.WhenAll(good);
        await Assert.ThrowsAsync<JournalConflictException>(() => bad);
        Assert.Single(await Storage.Journal.ReadStreamAsync("n/7", 0));
    }

    [SkippableFact]
    public async Task RemindersAppendedWithEventsAreStoredExactlyWhenTheEventsAre()
    {
        var lease = await TakeAsync(5);
        static ReminderEntry Reminder(string grain, string name = "r") => new(new GrainId("t", grain), name, 5, Now.AddMinutes(30), null);
        await Storage.Journal.AppendAsync(new JournalAppend("t/a", 5, lease.Epoch, 0, [Event("a")]) { Reminders = [Reminder("a")] });

        // Appended together with neighbours, one of them refused: each good append's reminders land, the refused one's do not.
        var good = Enumerable.Range(0, 10).Select(i =>
            Storage.Journal.AppendAsync(new JournalAppend($"t/g{i}", 5, lease.Epoch, 0, [Event("g")]) { Reminders = [Reminder($"g{i}"), Reminder($"g{i}", "s")] }));
        var behind = Storage.Journal.AppendAsync(new JournalAppend("t/a", 5, lease.Epoch, 0, [Event("x")]) { Reminders = [Reminder("a", "late")] });
        await Task.WhenAll(good);
        await Assert.ThrowsAsync<JournalConflictException>(() => behind);

        await TakeAsync(5, "silo-2");
        await Assert.ThrowsAsync<LeaseLostException>(() =>
            Storage.Journal.AppendAsync(new JournalAppend("t/b", 5, lease.Epoch, 0, [Event("b")]) { Reminders = [Reminder("b")] }));

        Assert.Equal(Now.AddMinutes(30), (await Storage.Reminders.ReadAsync(new GrainId("t", "a"), "r"))?.DueAt);
        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(await Storage.Reminders.ReadAsync(new GrainId("t", $"g{i}"), "r"));
            Assert.NotNull(await Storage.Reminders.ReadAsync(new GrainId("t", $"g{i}"), "s"));
        }

        Assert.Null(await Storage.Reminders.ReadAsync(new GrainId("t", "a"), "late"));
        Assert.Null(await Storage.Reminders.ReadAsync(new GrainId("t", "b"), "r"));
        Assert.Empty(await Storage.Journal.ReadStreamAsync("t/b", 0));
    }

    [SkippableFact]
    public async Task SnapshotIsOnlyReplacedByAHigherVersion()
    {
        var lease = await TakeAsync(5);
        await Storage.Snapshots.WriteAsync("s/5", 5, lease.Epoch, new GrainSnapshot(10, [10]));
        await Storage.Snapshots.WriteAsync("s/5", 5, lease.Epoch, new GrainSnapshot(7, [7]));
        Assert.Equal(10, (await Storage.Snapshots.ReadAsync("s/5"))!.Version);

        await Storage.Snapshots.WriteAsync("s/5", 5, lease.Epoch, new GrainSnapshot(12, [12]));
        var latest = await Storage.Snapshots.ReadAsync("s/5");

        Assert.Equal(12, latest!.Version);
        Assert.Equal([12], latest.State);
        Assert.Null(await Storage.Snapshots.ReadAsync("s/none"));
    }

    [SkippableFact]
    public async Task DueRemindersComeEarliestFirstAndOnlyFromTheAskedPartitions()
    {
        var p0 = await TakeAsync(0);
        var p1 = await TakeAsync(1);
        await Storage.Reminders.UpsertAsync(new ReminderEntry(new GrainId("t", "late"), "r", 0, Now.AddMinutes(5), null), p0.Epoch);
        await Storage.Reminders.UpsertAsync(new ReminderEntry(new GrainId("t", "early"), "r", 0, Now.AddMinutes(1), null), p0.Epoch);
        await Storage.Reminders.UpsertAsync(new ReminderEntry(new GrainId("t", "other"), "r", 1, Now, TimeSpan.FromMinutes(3)), p1.Epoch);
        await Storage.Reminders.UpsertAsync(new ReminderEntry(new GrainId("t", "future"), "r", 0, Now.AddHours(1), null), p0.Epoch);

        var due = await Storage.Reminders.ReadDueAsync([0], Now.AddMinutes(10), 100);
        var dueEverywhere = await Storage.Reminders.ReadDueAsync([0, 1], Now.AddMinutes(10), 100);

        Assert.Equal(["early", "late"], due.Select(r => r.GrainId.Key));
        Assert.Equal(["other", "early", "late"], dueEverywhere.Select(r => r.GrainId.Key));
        Assert.Equal(TimeSpan.FromMinutes(3), dueEverywhere[0].Period);
    }

    [SkippableFact]
    public async Task ReminderDeleteGuardedByDueTimeKeepsAReArmedReminder()
    {
        var lease = await TakeAsync(6);
        var grain = new GrainId("t", "rearm");
        await Storage.Reminders.UpsertAsync(new ReminderEntry(grain, "r", 6, Now, null), lease.Epoch);
        await Storage.Reminders.UpsertAsync(new ReminderEntry(grain, "r", 6, Now.AddMinutes(30), null), lease.Epoch);

        await Storage.Reminders.DeleteAsync(grain, "r", 6, lease.Epoch, onlyIfDueAt: Now);
        Assert.Equal(Now.AddMinutes(30), (await Storage.Reminders.ReadAsync(grain, "r"))!.DueAt);

        await Storage.Reminders.DeleteAsync(grain, "r", 6, lease.Epoch);
        Assert.Null(await Storage.Reminders.ReadAsync(grain, "r"));
    }

    [SkippableFact]
    public async Task OnlyOneOfTwoSilosRacingForAPartitionWinsIt()
    {
        var current = (await Storage.Cluster.ReadAsync()).Leases[7];

        var results = await Task.WhenAll(
            Storage.Cluster.TryAcquireAsync(7, "silo-a", current.Epoch, TimeSpan.FromMinutes(1)),
            Storage.Cluster.TryAcquireAsync(7, "silo-b", current.Epoch, TimeSpan.FromMinutes(1)));

        var winner = Assert.Single(results, r => r is not null)!;
        Assert.Equal(current.Epoch + 1, winner.Epoch);
        Assert.Equal(winner.Owner, (await Storage.Cluster.ReadAsync()).Leases[7].Owner);
    }

    [SkippableFact]
    public async Task RenewReportsPartitionsTakenByAnotherSilo()
    {
        var mine = await TakeAsync(3, "silo-1");
        var kept = await TakeAsync(4, "silo-1");
        await TakeAsync(3, "silo-2");

        var lost = await Storage.Cluster.RenewAsync("silo-1", [mine, kept], TimeSpan.FromMinutes(2));

        Assert.Equal([3], lost);
    }

    [SkippableFact]
    public async Task ReleasedPartitionIsFreeAndKeepsItsEpoch()
    {
        var lease = await TakeAsync(2);
        await Storage.Cluster.ReleaseAsync(lease);

        var after = (await Storage.Cluster.ReadAsync()).Leases[2];

        Assert.Null(after.Owner);
        Assert.Equal(lease.Epoch, after.Epoch);
    }

    [SkippableFact]
    public async Task PartitionLogReadsOnePartitionInCommitOrderFromAPosition()
    {
        var p0 = await TakeAsync(0);
        var p1 = await TakeAsync(1);
        await Storage.Journal.AppendAsync(new JournalAppend("a/1", 0, p0.Epoch, 0, [Event("a1"), Event("a2")]));
        await Storage.Journal.AppendAsync(new JournalAppend("b/1", 1, p1.Epoch, 0, [Event("b1")]));
        await Storage.Journal.AppendAsync(new JournalAppend("a/2", 0, p0.Epoch, 0, [Event("a3")]));

        var all = await Storage.Journal.ReadPartitionAsync(0, 0, 100);
        var after = await Storage.Journal.ReadPartitionAsync(0, all[1].Position, 100);
        var firstTwo = await Storage.Journal.ReadPartitionAsync(0, 0, 2);

        Assert.Equal([("a/1", 1L), ("a/1", 2L), ("a/2", 1L)], all.Select(r => (r.StreamId, r.Sequence)));
        Assert.True(all[0].Position < all[1].Position && all[1].Position < all[2].Position);
        Assert.Equal("a/2", Assert.Single(after).StreamId);
        Assert.Equal(2, firstTwo.Count);
        Assert.Empty(await Storage.Journal.ReadPartitionAsync(2, 0, 100));
    }

    [SkippableFact]
    public async Task CheckpointOnlyMovesForwardAndIsFenced()
    {
        var lease = await TakeAsync(3);
        Assert.Equal(0, await Storage.Checkpoints.ReadAsync("p", 3));

        await Storage.Checkpoints.WriteAsync("p", 3, 40, lease.Epoch);
        await Storage.Checkpoints.WriteAsync("p", 3, 25, lease.Epoch);
        await TakeAsync(3, "silo-2");

        Assert.Equal(40, await Storage.Checkpoints.ReadAsync("p", 3));
        Assert.Equal(0, await Storage.Checkpoints.ReadAsync("other", 3));
        await Assert.ThrowsAsync<LeaseLostException>(() => Storage.Checkpoints.WriteAsync("p", 3, 50, lease.Epoch));
    }

    [SkippableFact]
    public async Task JoiningWithADifferentPartitionCountIsRefused()
    {
        var error = await Assert.ThrowsAsync<ClusterConfigurationException>(() =>
            Storage.Cluster.JoinAsync(new SiloRegistration("silo-9", "http://127.0.0.1:9", Now), Partitions * 2, TimeSpan.FromSeconds(10)));

        Assert.Contains($"{Partitions} partitions", error.Message, StringComparison.Ordinal);
        Assert.Equal(Partitions, (await Storage.Cluster.ReadAsync()).Leases.Count);
    }
}
