using Microsoft.Extensions.Options;
using Orleans.Personalization.Storage.Sqlite;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Storage.Tests;

public sealed class SqliteTriggerStorageConformanceTests : TriggerStorageConformanceTests
{
    protected override Task<TriggerStorageUnderTest> CreateStorageAsync()
    {
        var folder = new TempDirectory("op-sqlite");
        var database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { DataDirectory = folder.Path }));
        return Task.FromResult(new TriggerStorageUnderTest(
            new SqliteOutboxStore(database),
            new SqliteDeliveryStore(database),
            new SqliteWatchIndexStore(database),
            new SqliteClusterStore(database, TimeProvider.System),
            new Owner(database, folder)));
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
