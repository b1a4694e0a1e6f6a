using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Storage.Sqlite;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Storage.Tests;

public sealed class SqliteStorageConformanceTests : StorageConformanceTests
{
    protected override Task<StorageUnderTest> CreateStorageAsync()
    {
        var folder = new TempDirectory("op-sqlite");
        var options = Options.Create(new SqliteStorageOptions { DataDirectory = folder.Path });
        var database = new SqliteDatabase(options);
        return Task.FromResult(new StorageUnderTest(
            new SqliteJournalStore(database, options),
            new SqliteSnapshotStore(database, TimeProvider.System),
            new SqliteReminderStore(database),
            new SqliteClusterStore(database, TimeProvider.System),
            new SqliteProjectionCheckpointStore(database),
            new Owner(database, folder)));
    }

    [Fact]
    public void SecondSiloOnTheSameDataFolderIsRefused()
    {
        using var folder = new TempDirectory("op-sqlite");
        var options = Options.Create(new SqliteStorageOptions { DataDirectory = folder.Path });
        using var first = new SqliteDatabase(options);

        var error = Assert.Throws<ClusterConfigurationException>(() => new SqliteDatabase(options));

        Assert.Contains("in use by another silo process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseReopensWithEverythingCommitted()
    {
        using var folder = new TempDirectory("op-sqlite");
        var options = Options.Create(new SqliteStorageOptions { DataDirectory = folder.Path });
        using (var database = new SqliteDatabase(options))
        {
            var cluster = new SqliteClusterStore(database, TimeProvider.System);
            await cluster.JoinAsync(new SiloRegistration("s", "", DateTimeOffset.UnixEpoch), 4, TimeSpan.FromSeconds(10));
            var lease = await cluster.TryAcquireAsync(1, "s", 0, TimeSpan.FromDays(1));
            await new SqliteJournalStore(database, options).AppendAsync(new JournalAppend("x/1", 1, lease!.Epoch, 0,
                [new NewJournalEvent("e", [1, 2, 3], DateTimeOffset.UnixEpoch)]));
        }

        using var reopened = new SqliteDatabase(options);
        var journal = new SqliteJournalStore(reopened, options);
        var records = await journal.ReadStreamAsync("x/1", 0);

        Assert.Equal([1, 2, 3], Assert.Single(records).Payload);
        Assert.Equal([1, 2, 3], Assert.Single(await journal.ReadPartitionAsync(1, 0, 10)).Payload);
    }

    [Fact]
    public async Task AReaderBehindTheInMemoryTailGetsTheOlderRecordsFromTheDatabaseAndTheNewestInOrder()
    {
        using var folder = new TempDirectory("op-sqlite");
        var options = Options.Create(new SqliteStorageOptions { DataDirectory = folder.Path, JournalTailRecords = 2 });
        using var database = new SqliteDatabase(options);
        var cluster = new SqliteClusterStore(database, TimeProvider.System);
        await cluster.JoinAsync(new SiloRegistration("s", "", DateTimeOffset.UnixEpoch), 4, TimeSpan.FromSeconds(10));
        var lease = await cluster.TryAcquireAsync(2, "s", 0, TimeSpan.FromDays(1));
        var journal = new SqliteJournalStore(database, options);
        for (var i = 0; i < 5; i++)
        {
            await journal.AppendAsync(new JournalAppend($"x/{i % 2}", 2, lease!.Epoch, i / 2,
                [new NewJournalEvent($"e{i}", [(byte)i], DateTimeOffset.UnixEpoch.AddSeconds(i))]));
        }

        var all = await journal.ReadPartitionAsync(2, 0, 10);
        Assert.Equal(["e0", "e1", "e2", "e3", "e4"], all.Select(r => r.EventType));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Position < pair.Second.Position));
        Assert.Equal(["e3", "e4"], (await journal.ReadPartitionAsync(2, all[2].Position, 10)).Select(r => r.EventType));
        Assert.Equal(["e2", "e3"], (await journal.ReadPartitionAsync(2, all[1].Position, 2)).Select(r => r.EventType));
        Assert.Empty(await journal.ReadPartitionAsync(2, all[4].Position, 10));
        var fromTail = Assert.Single(await journal.ReadPartitionAsync(2, all[2].Position, 1));
        Assert.Equal((all[3].Position, all[3].StreamId, all[3].Sequence, all[3].Timestamp), (fromTail.Position, fromTail.StreamId, fromTail.Sequence, fromTail.Timestamp));
        Assert.Equal(all[3].Payload, fromTail.Payload);
    }

    [Fact]
    public async Task ThePositionsAnAppendHandsTheTailAreTheOnesTheDatabaseStored()
    {
        using var folder = new TempDirectory("op-sqlite");
        var options = Options.Create(new SqliteStorageOptions { DataDirectory = folder.Path });
        PartitionRecord[] fromTail;
        using (var database = new SqliteDatabase(options))
        {
            var cluster = new SqliteClusterStore(database, TimeProvider.System);
            await cluster.JoinAsync(new SiloRegistration("s", "", DateTimeOffset.UnixEpoch), 4, TimeSpan.FromSeconds(10));
            var lease = await cluster.TryAcquireAsync(1, "s", 0, TimeSpan.FromDays(1));
            var journal = new SqliteJournalStore(database, options);

            // Several events per append, two streams interleaved, so every row's position is read back, not only an append's first.
            for (var i = 0; i < 6; i++)
            {
                await journal.AppendAsync(new JournalAppend($"x/{i % 2}", 1, lease!.Epoch, (i / 2) * 3,
                    [.. Enumerable.Range(0, 3).Select(e => new NewJournalEvent($"e{i}.{e}", [(byte)i, (byte)e], DateTimeOffset.UnixEpoch.AddSeconds(i)))]));
            }

            fromTail = [.. await journal.ReadPartitionAsync(1, 0, 100)];
        }

        using var reopened = new SqliteDatabase(options);
        var stored = await new SqliteJournalStore(reopened, options).ReadPartitionAsync(1, 0, 100);

        Assert.Equal(18, fromTail.Length);
        Assert.Equal(
            stored.Select(static r => (r.Position, r.StreamId, r.Sequence, r.EventType)),
            fromTail.Select(static r => (r.Position, r.StreamId, r.Sequence, r.EventType)));
    }

    private sealed class Owner(SqliteDatabase database, TempDirectory folder) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            database.Dispose();
            folder.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
