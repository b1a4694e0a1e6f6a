using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// The journal in SQLite: one row per event, unique per (stream, sequence); reminders appended with events are
/// written in the same savepoint. The newest records of each partition are also kept in memory
/// (<see cref="JournalTail"/>), so the readers that follow the journal rarely touch the database.
/// </summary>
public sealed class SqliteJournalStore : IJournalStore
{
    private const string VersionSql = "SELECT COALESCE(MAX(sequence), 0) FROM journal WHERE stream_id = ?1;";
    private const string InsertSql =
        "INSERT INTO journal (partition, stream_id, sequence, event_type, timestamp, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6);";

    private readonly SqliteDatabase _database;
    private readonly JournalTail _tail;

    public SqliteJournalStore(SqliteDatabase database, IOptions<SqliteStorageOptions> options)
    {
        _database = database;
        using var connection = database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM journal;";
        _tail = new JournalTail((long)command.ExecuteScalar()!, options.Value.JournalTailRecords);
    }

    public event Action<int>? Appended;

    public async Task AppendAsync(JournalAppend append, CancellationToken cancellationToken = default)
    {
        if (append.Events.Count == 0)
        {
            return;
        }

        await _database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(append.Partition, append.FencingToken);
            if (context.Statement(VersionSql).Bind(1, append.StreamId).ReadInt64() != append.ExpectedVersion)
            {
                throw new JournalConflictException(append.StreamId, append.ExpectedVersion);
            }

            var insert = context.Statement(InsertSql);
            var sequence = append.ExpectedVersion;
            var records = new PartitionRecord[append.Events.Count];
            for (var i = 0; i < records.Length; i++)
            {
                var e = append.Events[i];
                insert.Bind(1, append.Partition).Bind(2, append.StreamId).Bind(3, ++sequence).Bind(4, e.EventType)
                    .Bind(5, e.Timestamp.ToUnixTimeMilliseconds()).Bind(6, e.Payload).Execute();
                var position = context.LastInsertRowId;
                records[i] = new PartitionRecord(position, append.StreamId, sequence, e.EventType, e.Payload,
                    DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp.ToUnixTimeMilliseconds()));
            }

            foreach (var reminder in append.Reminders)
            {
                SqliteReminderStore.Upsert(context, reminder);
            }

            return records;
        }, records => _tail.Add(append.Partition, records));
        Appended?.Invoke(append.Partition);
    }

    public async Task<IReadOnlyList<PartitionRecord>> ReadPartitionAsync(int partition, long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        if (_tail.TryRead(partition, afterPosition, maxCount, out var recent))
        {
            return recent;
        }

        await using var connection = _database.OpenReader();
        await using var command = connection.CreateCommand();
        // The rowid grows with commit order (one writer), so it serves as the partition position.
        command.CommandText = """
            SELECT position, stream_id, sequence, event_type, payload, timestamp FROM journal
            WHERE partition = $p AND position > $a ORDER BY position LIMIT $n;
            """;
        command.Parameters.AddWithValue("$p", partition);
        command.Parameters.AddWithValue("$a", afterPosition);
        command.Parameters.AddWithValue("$n", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<PartitionRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new PartitionRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                (byte[])reader.GetValue(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return records;
    }

    public async Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, long afterSequence, CancellationToken cancellationToken = default)
    {
        await using var connection = _database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT sequence, event_type, payload, timestamp FROM journal WHERE stream_id = $s AND sequence > $a ORDER BY sequence;";
        command.Parameters.AddWithValue("$s", streamId);
        command.Parameters.AddWithValue("$a", afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<JournalRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new JournalRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                (byte[])reader.GetValue(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return records;
    }
}
