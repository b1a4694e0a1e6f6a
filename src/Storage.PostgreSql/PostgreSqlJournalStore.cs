using Npgsql;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>
/// The journal in PostgreSQL. An append is one call of personalization.append_events: fenced by the lease
/// epoch, checked against the expected version, positioned in commit order within its partition; the reminders
/// appended with the events are upserted in the same transaction. Appends arriving together share a transaction
/// (<see cref="PostgreSqlAppendWriter"/>).
/// </summary>
public sealed class PostgreSqlJournalStore(PostgreSqlDatabase database) : IJournalStore, IAsyncDisposable
{
    private readonly PostgreSqlAppendWriter _writer = new(database);

    public event Action<int>? Appended;

    public async Task AppendAsync(JournalAppend append, CancellationToken cancellationToken = default)
    {
        if (append.Events.Count == 0)
        {
            return;
        }

        await _writer.AppendAsync(append);
        Appended?.Invoke(append.Partition);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public async Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, long afterSequence, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT sequence, event_type, payload, timestamp FROM personalization.journal WHERE stream_id = $1 AND sequence > $2 ORDER BY sequence;");
        command.Parameters.AddWithValue(streamId);
        command.Parameters.AddWithValue(afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<JournalRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new JournalRecord(
                reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return records;
    }

    public async Task<IReadOnlyList<PartitionRecord>> ReadPartitionAsync(int partition, long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT position, stream_id, sequence, event_type, payload, timestamp FROM personalization.journal
            WHERE partition = $1 AND position > $2 ORDER BY position LIMIT $3;
            """);
        command.Parameters.AddWithValue(partition);
        command.Parameters.AddWithValue(afterPosition);
        command.Parameters.AddWithValue(maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<PartitionRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new PartitionRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), (byte[])reader.GetValue(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return records;
    }
}
