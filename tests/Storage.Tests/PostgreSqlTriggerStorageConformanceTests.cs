using Microsoft.Extensions.Options;
using Orleans.Personalization.Storage.PostgreSql;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Storage.Tests;

/// <summary>The trigger storage conformance suite against a real PostgreSQL server, one fresh database per test.</summary>
public sealed class PostgreSqlTriggerStorageConformanceTests : TriggerStorageConformanceTests
{
    protected override async Task<TriggerStorageUnderTest> CreateStorageAsync()
    {
        Skip.If(PostgreSqlTestDatabase.Unavailable is not null, PostgreSqlTestDatabase.Unavailable);
        var server = await PostgreSqlTestDatabase.CreateAsync();
        var database = new PostgreSqlDatabase(Options.Create(new PostgreSqlStorageOptions { ConnectionString = server.ConnectionString }));
        return new TriggerStorageUnderTest(
            new PostgreSqlOutboxStore(database),
            new PostgreSqlDeliveryStore(database),
            new PostgreSqlWatchIndexStore(database),
            new PostgreSqlClusterStore(database),
            new Owner(database, server));
    }

    private sealed class Owner(PostgreSqlDatabase database, PostgreSqlTestDatabase server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await database.DisposeAsync();
            await server.DisposeAsync();
        }
    }
}
