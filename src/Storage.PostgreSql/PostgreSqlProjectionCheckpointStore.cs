using Npgsql;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>Projection checkpoints in PostgreSQL: forward only, fenced.</summary>
public sealed class PostgreSqlProjectionCheckpointStore(PostgreSqlDatabase database) : IProjectionCheckpointStore
{
    public async Task<long> ReadAsync(string projection, int partition, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT position FROM personalization.projection_checkpoints WHERE projection = $1 AND partition = $2;");
        command.Parameters.AddWithValue(projection);
        command.Parameters.AddWithValue(partition);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public Task WriteAsync(string projection, int partition, long position, long fencingToken, CancellationToken cancellationToken = default) =>
        PostgreSqlFencing.WriteAsync(database, partition, fencingToken, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO personalization.projection_checkpoints (projection, partition, position) VALUES ($1, $2, $3)
                ON CONFLICT (projection, partition) DO UPDATE SET position = excluded.position
                WHERE excluded.position > personalization.projection_checkpoints.position;
                """, connection, transaction);
            command.Parameters.AddWithValue(projection);
            command.Parameters.AddWithValue(partition);
            command.Parameters.AddWithValue(position);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
