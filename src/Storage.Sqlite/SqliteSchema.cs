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
