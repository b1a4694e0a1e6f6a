using Npgsql;
using NpgsqlTypes;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>
/// The outbox in PostgreSQL, shared by the cluster. An append takes the global sequence row's lock (after
/// its partition's lease share-lock, the fencing check), skips ids already stored, and numbers the rest; the
/// lock is held to commit, so sequences appear in commit order everywhere.
/// </summary>
public sealed class PostgreSqlOutboxStore(PostgreSqlDatabase database) : IOutboxStore
{
    private const string Columns = "sequence, message_id, type, key, occurred_at, withheld, payload";

    public event Action? Appended;

    public async Task<int> AppendAsync(int partition, long fencingToken, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var added = await PostgreSqlFencing.WriteAsync(database, partition, fencingToken, async (connection, transaction) =>
        {
            await using var lockSequence = new NpgsqlCommand("SELECT last FROM personalization.outbox_sequence WHERE id = 1 FOR UPDATE;", connection, transaction);
            var last = (long)(await lockSequence.ExecuteScalarAsync(cancellationToken))!;

            var stored = new HashSet<string>(StringComparer.Ordinal);
            await using (var existing = new NpgsqlCommand("SELECT message_id FROM personalization.outbox WHERE message_id = ANY($1);", connection, transaction))
            {
                existing.Parameters.AddWithValue(messages.Select(static m => m.MessageId).ToArray());
                await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    stored.Add(reader.GetString(0));
                }
            }

            var fresh = messages.Where(m => stored.Add(m.MessageId)).ToArray();
            if (fresh.Length == 0)
            {
                return 0;
            }

            await using var insert = new NpgsqlCommand("""
                INSERT INTO personalization.outbox (sequence, message_id, type, key, partition, occurred_at, withheld, payload)
                SELECT $1 + n, m, t, k, $2, o, w, d
                FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::boolean[], $8::bytea[]) WITH ORDINALITY AS x(m, t, k, o, w, d, n);
                """, connection, transaction);
            insert.Parameters.AddWithValue(last);
            insert.Parameters.AddWithValue(partition);
            insert.Parameters.AddWithValue(fresh.Select(static m => m.MessageId).ToArray());
            insert.Parameters.AddWithValue(fresh.Select(static m => m.Type).ToArray());
            insert.Parameters.AddWithValue(fresh.Select(static m => m.Key).ToArray());
            insert.Parameters.AddWithValue(fresh.Select(static m => m.OccurredAt.ToUnixTimeMilliseconds()).ToArray());
            insert.Parameters.AddWithValue(fresh.Select(static m => m.Withheld).ToArray());
            insert.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Bytea, fresh.Select(static m => m.Payload).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);

            await using var advance = new NpgsqlCommand("UPDATE personalization.outbox_sequence SET last = last + $1 WHERE id = 1;", connection, transaction);
            advance.Parameters.AddWithValue((long)fresh.Length);
            await advance.ExecuteNonQueryAsync(cancellationToken);
            return fresh.Length;
        }, cancellationToken);

        if (added > 0)
        {
            Appended?.Invoke();
        }

        return added;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ReadAsync(long afterSequence, int maxCount, IReadOnlyCollection<string>? types = null, bool includeWithheld = false, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand($"""
            SELECT {Columns} FROM personalization.outbox
            WHERE sequence > $1 AND ($2::text[] IS NULL OR type = ANY($2)) AND ($3 OR NOT withheld)
            ORDER BY sequence LIMIT $4;
            """);
        command.Parameters.AddWithValue(afterSequence);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = types is null ? DBNull.Value : types.ToArray() });
        command.Parameters.AddWithValue(includeWithheld);
        command.Parameters.AddWithValue(maxCount);
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task<OutboxEntry?> ReadOneAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM personalization.outbox WHERE sequence = $1;");
        command.Parameters.AddWithValue(sequence);
        var entries = await ReadEntriesAsync(command, cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken = default)
    {
        // The sequence row remembers the highest sequence ever given, even after a purge emptied the table.
        await using var command = database.DataSource.CreateCommand("SELECT last FROM personalization.outbox_sequence WHERE id = 1;");
        return await command.ExecuteScalarAsync(cancellationToken) is long last ? last : 0;
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM personalization.outbox WHERE occurred_at < $1;");
        command.Parameters.AddWithValue(before.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<OutboxEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<OutboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetBoolean(5),
                (byte[])reader.GetValue(6)));
        }

        return entries;
    }
}
