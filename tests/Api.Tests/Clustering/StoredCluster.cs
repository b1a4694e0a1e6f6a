using System.Text.Json;
using Npgsql;

namespace Orleans.Personalization.Api.Tests.Clustering;

/// <summary>Reads what a cluster stored, straight from its PostgreSQL database.</summary>
internal sealed class StoredCluster(string connectionString)
{
    /// <summary>Each stream's (sequence, messageId) in sequence order.</summary>
    public async Task<Dictionary<string, List<(long Sequence, string MessageId)>>> StreamsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT stream_id, sequence, payload FROM personalization.journal WHERE stream_id LIKE 'user/%' ORDER BY stream_id, sequence;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var streams = new Dictionary<string, List<(long, string)>>();
        while (await reader.ReadAsync())
        {
            var streamId = reader.GetString(0);
            using var payload = JsonDocument.Parse((byte[])reader.GetValue(2));
            if (!streams.TryGetValue(streamId, out var events))
            {
                streams[streamId] = events = [];
            }

            events.Add((reader.GetInt64(1), payload.RootElement.GetProperty("messageId").GetString()!));
        }

        return streams;
    }

    /// <summary>The outbox's triggers of one type: (message id, shopper key, occurred at, withheld).</summary>
    public async Task<List<(string Id, string ShopperKey, DateTimeOffset OccurredAt, bool Withheld)>> OutboxAsync(string type)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT message_id, key, occurred_at, withheld FROM personalization.outbox WHERE type = $1 ORDER BY sequence;", connection);
        command.Parameters.AddWithValue(type);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, string, DateTimeOffset, bool)>();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetBoolean(3)));
        }

        return entries;
    }

    /// <summary>Every lease acquisition: (partition, epoch, owner), in acquisition order per partition.</summary>
    public async Task<List<(int Partition, long Epoch, string Owner, DateTime AcquiredAt)>> LeaseHistoryAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT partition, epoch, owner, acquired_at FROM personalization.lease_history ORDER BY partition, acquired_at, epoch;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var history = new List<(int, long, string, DateTime)>();
        while (await reader.ReadAsync())
        {
            history.Add((reader.GetInt32(0), reader.GetInt64(1), reader.GetString(2), reader.GetDateTime(3)));
        }

        return history;
    }
}
