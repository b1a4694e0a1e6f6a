using Microsoft.Data.Sqlite;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// The database schema as numbered migrations. A database records the highest migration applied; the
/// service applies the missing ones at start and refuses a database newer than itself.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE cluster (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE silos (
            silo_id TEXT PRIMARY KEY, address TEXT NOT NULL, started_at INTEGER NOT NULL,
            heartbeat_at INTEGER NOT NULL, status TEXT NOT NULL);
        CREATE TABLE partition_leases (
            partition INTEGER PRIMARY KEY, owner TEXT NULL, epoch INTEGER NOT NULL, expires_at INTEGER NOT NULL);
        CREATE TABLE journal (
            position INTEGER PRIMARY KEY, partition INTEGER NOT NULL, stream_id TEXT NOT NULL,
            sequence INTEGER NOT NULL, event_type TEXT NOT NULL, timestamp INTEGER NOT NULL, payload BLOB NOT NULL);
        CREATE UNIQUE INDEX journal_stream ON journal (stream_id, sequence);
        CREATE INDEX journal_partition ON journal (partition, position);
        CREATE TABLE snapshots (
            stream_id TEXT PRIMARY KEY, partition INTEGER NOT NULL, version INTEGER NOT NULL,
            state BLOB NOT NULL, written_at INTEGER NOT NULL);
        CREATE TABLE reminders (
            grain_id TEXT NOT NULL, name TEXT NOT NULL, partition INTEGER NOT NULL,
            due_at INTEGER NOT NULL, period_ms INTEGER NULL, PRIMARY KEY (grain_id, name));
        CREATE INDEX reminders_due ON reminders (partition, due_at);
        """,
        """
        CREATE TABLE projection_checkpoints (
            projection TEXT NOT NULL, partition INTEGER NOT NULL, position INTEGER NOT NULL,
            PRIMARY KEY (projection, partition));
        """,
        """
        CREATE TABLE outbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
            key TEXT NOT NULL, partition INTEGER NOT NULL, occurred_at INTEGER NOT NULL, withheld INTEGER NOT NULL,
            payload BLOB NOT NULL);
        CREATE INDEX outbox_occurred ON outbox (occurred_at);
        CREATE TABLE delivery_cursors (subscriber TEXT PRIMARY KEY, position INTEGER NOT NULL);
        CREATE TABLE deliveries (
            subscriber TEXT NOT NULL, sequence INTEGER NOT NULL, message_id TEXT NOT NULL, type TEXT NOT NULL,
            lane INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL,
            queued_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, last_status_code INTEGER NULL, last_error TEXT NULL,
            PRIMARY KEY (subscriber, sequence));
        CREATE INDEX deliveries_status ON deliveries (subscriber, status, sequence);
        CREATE TABLE delivery_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT, subscriber TEXT NOT NULL, sequence INTEGER NOT NULL,
            attempt INTEGER NOT NULL, at INTEGER NOT NULL, duration_ms INTEGER NOT NULL, status_code INTEGER NULL,
            error TEXT NULL);
        CREATE INDEX delivery_attempts_delivery ON delivery_attempts (subscriber, sequence, id);
        CREATE TABLE watch_index (
            topic TEXT NOT NULL, watcher TEXT NOT NULL, partition INTEGER NOT NULL, at INTEGER NOT NULL,
            PRIMARY KEY (topic, watcher));
        CREATE INDEX watch_index_topic ON watch_index (topic, at);
        CREATE INDEX watch_index_at ON watch_index (at);
        """,
        // Every view and cart add writes a watch-index row; its (topic, at) index put a second entry on a random page
        // for each. The fan-out's read finds a product's watchers through the primary key (topic, watcher) instead.
        """
        DROP INDEX watch_index_topic;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection, string databasePath)
    {
        var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database {databasePath} has schema version {current}, newer than this build's {LatestVersion}; upgrade the service.");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[version - 1] + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
