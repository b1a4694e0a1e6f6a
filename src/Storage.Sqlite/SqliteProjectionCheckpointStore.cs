using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>Projection checkpoints in SQLite: one row per (projection, partition).</summary>
public sealed class SqliteProjectionCheckpointStore(SqliteDatabase database) : IProjectionCheckpointStore
{
    public async Task<long> ReadAsync(string projection, int partition, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM projection_checkpoints WHERE projection = $n AND partition = $p;";
        command.Parameters.AddWithValue("$n", projection);
        command.Parameters.AddWithValue("$p", partition);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public Task WriteAsync(string projection, int partition, long position, long fencingToken, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(partition, fencingToken);
            var command = context.Command("""
                INSERT INTO projection_checkpoints (projection, partition, position) VALUES ($n, $p, $q)
                ON CONFLICT (projection, partition) DO UPDATE SET position = excluded.position
                WHERE excluded.position > projection_checkpoints.position;
                """, "$n", "$p", "$q");
            command.Parameters[0].Value = projection;
            command.Parameters[1].Value = partition;
            command.Parameters[2].Value = position;
            return command.ExecuteNonQuery();
        });
}
