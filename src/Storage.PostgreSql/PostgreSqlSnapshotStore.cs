using Npgsql;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>Snapshots in PostgreSQL: one row per stream, only ever replaced by a higher version, fenced.</summary>
public sealed class PostgreSqlSnapshotStore(PostgreSqlDatabase database) : ISnapshotStore
{
    public async Task<GrainSnapshot?> ReadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("SELECT version, state FROM personalization.snapshots WHERE stream_id = $1;");
        command.Parameters.AddWithValue(streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new GrainSnapshot(reader.GetInt64(0), (byte[])reader.GetValue(1)) : null;
    }

    public Task WriteAsync(string streamId, int partition, long fencingToken, GrainSnapshot snapshot, CancellationToken cancellationToken = default) =>
        PostgreSqlFencing.WriteAsync(database, partition, fencingToken, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO personalization.snapshots (stream_id, partition, version, state, written_at) VALUES ($1, $2, $3, $4, now())
                ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state = excluded.state, written_at = excluded.written_at
                WHERE excluded.version > personalization.snapshots.version;
                """, connection, transaction);
            command.Parameters.AddWithValue(streamId);
            command.Parameters.AddWithValue(partition);
            command.Parameters.AddWithValue(snapshot.Version);
            command.Parameters.AddWithValue(snapshot.State);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
