using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>The watch index in PostgreSQL: a row per (topic, watcher), written fenced by the watcher's partition.</summary>
public sealed class PostgreSqlWatchIndexStore(PostgreSqlDatabase database) : IWatchIndexStore
{
    public Task UpsertAsync(int partition, long fencingToken, IReadOnlyList<WatchEntry> entries, CancellationToken cancellationToken = default) =>
        entries.Count == 0
            ? Task.CompletedTask
            : PostgreSqlFencing.WriteAsync(database, partition, fencingToken, async (connection, transaction) =>
            {
                // The latest time per (topic, watcher) within the batch, so one statement touches each row once.
                var latest = entries
                    .GroupBy(static e => (e.Topic, e.Watcher))
                    .Select(static g => g.MaxBy(static e => e.At)!)
                    .ToArray();
                await using var upsert = new Npgsql.NpgsqlCommand("""
                    INSERT INTO personalization.watch_index (topic, watcher, partition, at)
                    SELECT t, w, $1, a FROM unnest($2::text[], $3::text[], $4::bigint[]) AS x(t, w, a)
                    ON CONFLICT (topic, watcher) DO UPDATE SET at = excluded.at, partition = excluded.partition
                    WHERE excluded.at > personalization.watch_index.at;
                    """, connection, transaction);
                upsert.Parameters.AddWithValue(partition);
                upsert.Parameters.AddWithValue(latest.Select(static e => e.Topic).ToArray());
                upsert.Parameters.AddWithValue(latest.Select(static e => e.Watcher).ToArray());
                upsert.Parameters.AddWithValue(latest.Select(static e => e.At.ToUnixTimeMilliseconds()).ToArray());
                return await upsert.ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);

    public async Task<IReadOnlyList<WatchEntry>> ReadWatchersAsync(string topic, DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT topic, watcher, at FROM personalization.watch_index WHERE topic = $1 AND at >= $2 ORDER BY at DESC, watcher LIMIT $3;");
        command.Parameters.AddWithValue(topic);
        command.Parameters.AddWithValue(since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue(maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<WatchEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new WatchEntry(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return entries;
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM personalization.watch_index WHERE at < $1;");
        command.Parameters.AddWithValue(before.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
