using Npgsql;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>The reminder table in PostgreSQL, indexed by (partition, due time), fenced like every write.</summary>
public sealed class PostgreSqlReminderStore(PostgreSqlDatabase database) : IReminderStore
{
    private const string UpsertSql = """
        INSERT INTO personalization.reminders (grain_id, name, partition, due_at, period_ms) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (grain_id, name) DO UPDATE SET partition = excluded.partition, due_at = excluded.due_at, period_ms = excluded.period_ms;
        """;

    public Task UpsertAsync(ReminderEntry reminder, long fencingToken, CancellationToken cancellationToken = default) =>
        PostgreSqlFencing.WriteAsync(database, reminder.Partition, fencingToken, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(UpsertSql, connection, transaction);
            AddUpsertParameters(command.Parameters, reminder);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>The upsert as a command of a batch whose transaction checks the partition's fencing itself.</summary>
    internal static NpgsqlBatchCommand UpsertCommand(ReminderEntry reminder)
    {
        var command = new NpgsqlBatchCommand(UpsertSql);
        AddUpsertParameters(command.Parameters, reminder);
        return command;
    }

    private static void AddUpsertParameters(NpgsqlParameterCollection parameters, ReminderEntry reminder)
    {
        parameters.AddWithValue(reminder.GrainId.ToString());
        parameters.AddWithValue(reminder.Name);
        parameters.AddWithValue(reminder.Partition);
        parameters.AddWithValue(reminder.DueAt.ToUnixTimeMilliseconds());
        parameters.AddWithValue(reminder.Period is { } period ? (long)period.TotalMilliseconds : DBNull.Value);
    }

    public Task DeleteAsync(GrainId grainId, string name, int partition, long fencingToken, DateTimeOffset? onlyIfDueAt = null, CancellationToken cancellationToken = default) =>
        PostgreSqlFencing.WriteAsync(database, partition, fencingToken, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                "DELETE FROM personalization.reminders WHERE grain_id = $1 AND name = $2 AND ($3::bigint IS NULL OR due_at = $3);", connection, transaction);
            command.Parameters.AddWithValue(grainId.ToString());
            command.Parameters.AddWithValue(name);
            command.Parameters.AddWithValue(onlyIfDueAt is { } due ? due.ToUnixTimeMilliseconds() : DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT grain_id, name, partition, due_at, period_ms FROM personalization.reminders WHERE grain_id = $1 AND name = $2;");
        command.Parameters.AddWithValue(grainId.ToString());
        command.Parameters.AddWithValue(name);
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(IReadOnlyCollection<int> partitions, DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default)
    {
        if (partitions.Count == 0)
        {
            return [];
        }

        await using var command = database.DataSource.CreateCommand("""
            SELECT grain_id, name, partition, due_at, period_ms FROM personalization.reminders
            WHERE partition = ANY($1) AND due_at <= $2 ORDER BY due_at LIMIT $3;
            """);
        command.Parameters.AddWithValue(partitions.ToArray());
        command.Parameters.AddWithValue(dueBy.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue(limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry(
                GrainId.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.GetInt32(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(4))));
        }

        return entries;
    }
}
