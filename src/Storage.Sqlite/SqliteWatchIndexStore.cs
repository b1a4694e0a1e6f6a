using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>The watch index in SQLite: a row per (topic, watcher), indexed by topic and time for fan-out.</summary>
public sealed class SqliteWatchIndexStore(SqliteDatabase database) : IWatchIndexStore
{
    private const string UpsertSql = """
        INSERT INTO watch_index (topic, watcher, partition, at) VALUES ($t, $w, $p, $a)
        ON CONFLICT (topic, watcher) DO UPDATE SET at = excluded.at, partition = excluded.partition WHERE excluded.at > watch_index.at;
        """;

    public Task UpsertAsync(int partition, long fencingToken, IReadOnlyList<WatchEntry> entries, CancellationToken cancellationToken = default) =>
        entries.Count == 0
            ? Task.CompletedTask
            : database.Writer.WriteAsync(context =>
            {
                context.CheckFencing(partition, fencingToken);
                var upsert = context.Command(UpsertSql, "$t", "$w", "$p", "$a");
                foreach (var entry in entries)
                {
                    upsert.Parameters[0].Value = entry.Topic;
                    upsert.Parameters[1].Value = entry.Watcher;
                    upsert.Parameters[2].Value = partition;
                    upsert.Parameters[3].Value = entry.At.ToUnixTimeMilliseconds();
                    upsert.ExecuteNonQuery();
                }

                return entries.Count;
            });

    public async Task<IReadOnlyList<WatchEntry>> ReadWatchersAsync(string topic, DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT topic, watcher, at FROM watch_index WHERE topic = $t AND at >= $s ORDER BY at DESC, watcher LIMIT $n;";
        command.Parameters.AddWithValue("$t", topic);
        command.Parameters.AddWithValue("$s", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$n", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<WatchEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new WatchEntry(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return entries;
    }

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            var command = context.Command("DELETE FROM watch_index WHERE at < $b;", "$b");
            command.Parameters[0].Value = before.ToUnixTimeMilliseconds();
            return command.ExecuteNonQuery();
        });
}
