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
        var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { DataDirectory = folder.Path }));
        return Task.FromResult(new StorageUnderTest(
            new SqliteJournalStore(database),
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
            await new SqliteJournalStore(database).AppendAsync(new JournalAppend("x/1", 1, lease!.Epoch, 0,
                [new NewJournalEvent("e", [1, 2, 3], DateTimeOffset.UnixEpoch)]));
        }

        using var reopened = new SqliteDatabase(options);
        var records = await new SqliteJournalStore(reopened).ReadStreamAsync("x/1", 0);

        Assert.Equal([1, 2, 3], Assert.Single(records).Payload);
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
