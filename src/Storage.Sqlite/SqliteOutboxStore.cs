using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// The outbox in SQLite. The sequence is an AUTOINCREMENT key assigned inside the single writer's
/// transactions, so sequences become visible in commit order and are never reused after a purge.
/// </summary>
public sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
    private const string InsertSql = """
        INSERT INTO outbox (message_id, type, key, partition, occurred_at, withheld, payload)
        VALUES ($m, $t, $k, $p, $o, $w, $d) ON CONFLICT (message_id) DO NOTHING;
        """;

    private const string Columns = "sequence, message_id, type, key, occurred_at, withheld, payload";

    public event Action? Appended;

    public async Task<int> AppendAsync(int partition, long fencingToken, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var added = await database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(partition, fencingToken);
            var insert = context.Command(InsertSql, "$m", "$t", "$k", "$p", "$o", "$w", "$d");
            var count = 0;
            foreach (var message in messages)
            {
                insert.Parameters[0].Value = message.MessageId;
                insert.Parameters[1].Value = message.Type;
                insert.Parameters[2].Value = message.Key;
                insert.Parameters[3].Value = partition;
                insert.Parameters[4].Value = message.OccurredAt.ToUnixTimeMilliseconds();
                insert.Parameters[5].Value = message.Withheld ? 1 : 0;
                insert.Parameters[6].Value = message.Payload;
                count += insert.ExecuteNonQuery();
            }

            return count;
        });
        if (added > 0)
        {
            Appended?.Invoke();
        }

        return added;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ReadAsync(long afterSequence, int maxCount, IReadOnlyCollection<string>? types = null, bool includeWithheld = false, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        var typeFilter = "";
        if (types is not null)
        {
            var names = new List<string>();
            foreach (var type in types)
            {
                var name = $"$t{names.Count.ToString(CultureInfo.InvariantCulture)}";
                command.Parameters.AddWithValue(name, type);
                names.Add(name);
            }

            typeFilter = names.Count == 0 ? " AND 0" : $" AND type IN ({string.Join(',', names)})";
        }

        var withheldFilter = includeWithheld ? "" : " AND withheld = 0";
        command.CommandText = $"SELECT {Columns} FROM outbox WHERE sequence > $a{typeFilter}{withheldFilter} ORDER BY sequence LIMIT $n;";
        command.Parameters.AddWithValue("$a", afterSequence);
        command.Parameters.AddWithValue("$n", maxCount);
        return await ReadEntriesAsync(command, cancellationToken);
    }

    public async Task<OutboxEntry?> ReadOneAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM outbox WHERE sequence = $s;";
        command.Parameters.AddWithValue("$s", sequence);
        var entries = await ReadEntriesAsync(command, cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<long> LastSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        // sqlite_sequence remembers the highest sequence ever given, even after a purge emptied the table.
        command.CommandText = "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0);";
        return await command.ExecuteScalarAsync(cancellationToken) is long last ? last : 0;
    }

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            var command = context.Command("DELETE FROM outbox WHERE occurred_at < $b;", "$b");
            command.Parameters[0].Value = before.ToUnixTimeMilliseconds();
            return command.ExecuteNonQuery();
        });

    private static async Task<IReadOnlyList<OutboxEntry>> ReadEntriesAsync(SqliteCommand command, CancellationToken cancellationToken)
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
                reader.GetInt64(5) != 0,
                (byte[])reader.GetValue(6)));
        }

        return entries;
    }
}
