using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>Snapshots in SQLite: one row per stream, only ever replaced by a higher version.</summary>
public sealed class SqliteSnapshotStore(SqliteDatabase database, TimeProvider timeProvider) : ISnapshotStore
{
    private const string UpsertSql = """
        INSERT INTO snapshots (stream_id, partition, version, state, written_at) VALUES ($s, $p, $v, $d, $w)
        ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state = excluded.state, written_at = excluded.written_at
        WHERE excluded.version > snapshots.version;
        """;

    public async Task<GrainSnapshot?> ReadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, state FROM snapshots WHERE stream_id = $s;";
        command.Parameters.AddWithValue("$s", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new GrainSnapshot(reader.GetInt64(0), (byte[])reader.GetValue(1))
            : null;
    }

    public Task WriteAsync(string streamId, int partition, long fencingToken, GrainSnapshot snapshot, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(partition, fencingToken);
            var command = context.Command(UpsertSql, "$s", "$p", "$v", "$d", "$w");
            command.Parameters[0].Value = streamId;
            command.Parameters[1].Value = partition;
            command.Parameters[2].Value = snapshot.Version;
            command.Parameters[3].Value = snapshot.State;
            command.Parameters[4].Value = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            return command.ExecuteNonQuery();
        });
}
