using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>
/// The shared PostgreSQL database of a cluster: a pooled data source, and the schema brought up to date
/// at start. An unreachable server or a bad connection string stops the silo with a clear message.
/// </summary>
public sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private const long MigrationLockKey = 0x4F50_4D49_4752; // "OPMIGR": one silo migrates at a time.
    private const int IdleInTransactionTimeoutMs = 3000;
    private const int LockTimeoutMs = 2000;

    public PostgreSqlDatabase(IOptions<PostgreSqlStorageOptions> options)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ClusterConfigurationException($"Storage:PostgreSql:ConnectionString is not a valid connection string: {ex.Message}");
        }

        Server = $"{builder.Host}:{builder.Port}/{builder.Database}";
        // A silo frozen in the middle of a transaction (a long pause, a cut-off host) must not hold lease rows
        // hostage: PostgreSQL ends such a session after a few seconds, well inside a lease duration, and no
        // statement waits long for a lock, so a silo's own membership rounds never stall behind another's.
        builder.Options = $"{builder.Options} -c idle_in_transaction_session_timeout={IdleInTransactionTimeoutMs} -c lock_timeout={LockTimeoutMs}".Trim();
        DataSource = NpgsqlDataSource.Create(builder);
        try
        {
            Migrate();
        }
        catch (NpgsqlException ex)
        {
            DataSource.Dispose();
            throw new ClusterConfigurationException($"Cannot use PostgreSQL at {Server}: {ex.Message}");
        }
    }

    /// <summary>host:port/database, for messages (never the password).</summary>
    public string Server { get; }

    internal NpgsqlDataSource DataSource { get; }

    private void Migrate()
    {
        using var connection = DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey});");
        Execute(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {PostgreSqlSchema.Name};");
        Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS {PostgreSqlSchema.Name}.schema_version (version int NOT NULL);");
        using var read = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {PostgreSqlSchema.Name}.schema_version;", connection, transaction);
        var current = (int)read.ExecuteScalar()!;
        if (current > PostgreSqlSchema.Migrations.Length)
        {
            throw new ClusterConfigurationException(
                $"The database {Server} has schema version {current}, newer than this build's {PostgreSqlSchema.Migrations.Length}; upgrade the silo.");
        }

        for (var version = current + 1; version <= PostgreSqlSchema.Migrations.Length; version++)
        {
            Execute(connection, transaction, PostgreSqlSchema.Migrations[version - 1]);
            Execute(connection, transaction, $"INSERT INTO {PostgreSqlSchema.Name}.schema_version (version) VALUES ({version});");
        }

        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
