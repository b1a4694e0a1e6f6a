using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.AnalyticsApiBenchmark;

/// <summary>
/// The read model's own memory, measured in this process: the server's journal (read-only, after the server
/// stopped) replayed into a fresh <see cref="AnalyticsStore"/>, heap after a full collection minus heap before.
/// Also how long a rebuild from the journal takes, as a silo does at every start.
/// </summary>
internal static class ReadModelProbe
{
    public static (long HeapBytes, AnalyticsStatus Status, TimeSpan Replay) Measure(string dataDirectory)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var store = new AnalyticsStore(int.MaxValue / 2);
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "personalization.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, stream_id, sequence, event_type, payload, timestamp FROM journal ORDER BY partition, position;";
        using var reader = command.ExecuteReader();
        var batch = new List<PartitionRecord>(2000);
        while (reader.Read())
        {
            batch.Add(new PartitionRecord(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), (byte[])reader.GetValue(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
            if (batch.Count == 2000)
            {
                store.Apply(batch);
                batch.Clear();
            }
        }

        store.Apply(batch);
        watch.Stop();
        batch = null;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var status = store.Status();
        GC.KeepAlive(store);
        return (after - before, status, watch.Elapsed);
    }
}
