using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>Reads what a service process stored, straight from its SQLite file (WAL lets a reader in beside it).</summary>
internal sealed class StoredJournal(string dataDirectory)
{
    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "personalization.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
    }.ToString();

    /// <summary>The messageIds stored in each shopper's journal, keyed by stream id ("user/u:alice").</summary>
    public Dictionary<string, List<string>> MessageIdsByStream()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stream_id, payload FROM journal WHERE stream_id LIKE 'user/%' ORDER BY stream_id, sequence;";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, List<string>>();
        while (reader.Read())
        {
            var streamId = reader.GetString(0);
            using var payload = JsonDocument.Parse((byte[])reader.GetValue(1));
            if (!result.TryGetValue(streamId, out var ids))
            {
                result[streamId] = ids = [];
            }

            ids.Add(payload.RootElement.GetProperty("messageId").GetString()!);
        }

        return result;
    }

    /// <summary>Snapshot versions of shoppers by stream id.</summary>
    public Dictionary<string, long> SnapshotVersions()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stream_id, version FROM snapshots WHERE stream_id LIKE 'user/%';";
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, long>();
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }

        return result;
    }
}
