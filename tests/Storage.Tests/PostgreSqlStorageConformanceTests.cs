using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Storage.PostgreSql;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Storage.Tests;

/// <summary>The conformance suite against a real PostgreSQL server, one fresh database per test.</summary>
public sealed class PostgreSqlStorageConformanceTests : StorageConformanceTests
{
    private PostgreSqlDatabase? _database;

    protected override async Task<StorageUnderTest> CreateStorageAsync()
    {
        Skip.If(PostgreSqlTestDatabase.Unavailable is not null, PostgreSqlTestDatabase.Unavailable);
        var server = await PostgreSqlTestDatabase.CreateAsync();
        var database = _database = new PostgreSqlDatabase(Options.Create(new PostgreSqlStorageOptions { ConnectionString = server.ConnectionString }));
        var journal = new PostgreSqlJournalStore(database);
        return new StorageUnderTest(
            journal,
            new PostgreSqlSnapshotStore(database),
            new PostgreSqlReminderStore(database),
            new PostgreSqlClusterStore(database),
            new PostgreSqlProjectionCheckpointStore(database),
            new Owner(journal, database, server));
    }

    [SkippableFact]
    public async Task TwoSilosCannotJoinUnderOneLiveId()
    {
        var error = await Assert.ThrowsAsync<ClusterConfigurationException>(() =>
            Storage.Cluster.JoinAsync(new SiloRegistration("silo-1", "http://127.0.0.1:2", DateTimeOffset.UtcNow), 8, TimeSpan.FromMinutes(1)));

        Assert.Contains("held by a live silo", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task LeaseExpiryIsJudgedByTheDatabaseClock()
    {
        var taken = await Storage.Cluster.TryAcquireAsync(5, "silo-1", 0, TimeSpan.FromMilliseconds(1));
        var snapshot = await Storage.Cluster.ReadAsync();

        Assert.NotNull(taken);
        Assert.True(snapshot.Leases[5].ExpiresAt <= snapshot.Now, "a 1 ms lease should have expired by the next read");
        Assert.Single(snapshot.LiveSilos(TimeSpan.FromMinutes(1)));
    }

    [SkippableFact]
    public async Task UnreachableServerStopsTheSiloWithAClearMessage()
    {
        _ = Storage;
        var error = Assert.Throws<ClusterConfigurationException>(() => new PostgreSqlDatabase(Options.Create(new PostgreSqlStorageOptions
        {
            ConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2",
        })));

        Assert.Contains("Cannot use PostgreSQL at 127.0.0.1:1/none", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WriterFrozenInsideATransactionCannotBlockATakeOver()
    {
        var lease = (await Storage.Cluster.TryAcquireAsync(6, "silo-1", 0, TimeSpan.FromMilliseconds(1)))!;
        // A silo freezes after sending an append: its open transaction holds the lease row's lock.
        await using var frozen = await _database!.DataSource.OpenConnectionAsync();
        await using var transaction = await frozen.BeginTransactionAsync();
        await using (var append = new NpgsqlCommand("UPDATE personalization.partition_leases SET next_position = next_position WHERE partition = 6;", frozen, transaction))
        {
            await append.ExecuteNonQueryAsync();
        }

        // Another silo's take-over fails fast while the lock is held, then succeeds once PostgreSQL ends the
        // frozen session (idle in transaction), instead of waiting for the frozen silo forever.
        var taken = await Eventually.ReturnsAsync(
            async () =>
            {
                try
                {
                    return await Storage.Cluster.TryAcquireAsync(6, "silo-2", lease.Epoch, TimeSpan.FromMinutes(1));
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
                {
                    return null;
                }
            },
            t => t is not null,
            "the take-over to get through",
            TimeSpan.FromSeconds(20));

        Assert.Equal(lease.Epoch + 1, taken!.Epoch);
        await Assert.ThrowsAnyAsync<Exception>(() => transaction.CommitAsync());
    }

    private sealed class Owner(PostgreSqlJournalStore journal, PostgreSqlDatabase database, PostgreSqlTestDatabase server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await journal.DisposeAsync();
            await database.DisposeAsync();
            await server.DisposeAsync();
        }
    }
}
