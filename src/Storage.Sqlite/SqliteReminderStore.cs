using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>The reminder table in SQLite, indexed by (partition, due time) for the firing loop.</summary>
public sealed class SqliteReminderStore(SqliteDatabase database) : IReminderStore
{
    private const string UpsertSql = """
        INSERT INTO reminders (grain_id, name, partition, due_at, period_ms) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (grain_id, name) DO UPDATE SET partition = excluded.partition, due_at = excluded.due_at, period_ms = excluded.period_ms;
        """;

    public Task UpsertAsync(ReminderEntry reminder, long fencingToken, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(reminder.Partition, fencingToken);
            return Upsert(context, reminder);
        });

    /// <summary>Creates or replaces a reminder inside a write that has already checked the partition's fencing.</summary>
    internal static int Upsert(SqliteWriteContext context, ReminderEntry reminder)
    {
        return context.Statement(UpsertSql)
            .Bind(1, reminder.GrainId.ToString())
            .Bind(2, reminder.Name)
            .Bind(3, reminder.Partition)
            .Bind(4, reminder.DueAt.ToUnixTimeMilliseconds())
            .Bind(5, reminder.Period is { } period ? (long)period.TotalMilliseconds : null)
            .Execute();
    }

    public Task DeleteAsync(GrainId grainId, string name, int partition, long fencingToken, DateTimeOffset? onlyIfDueAt = null, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(partition, fencingToken);
            var command = context.Command(
                "DELETE FROM reminders WHERE grain_id = $g AND name = $n AND ($d IS NULL OR due_at = $d);", "$g", "$n", "$d");
            command.Parameters[0].Value = grainId.ToString();
            command.Parameters[1].Value = name;
            command.Parameters[2].Value = onlyIfDueAt is { } due ? due.ToUnixTimeMilliseconds() : DBNull.Value;
            return command.ExecuteNonQuery();
        });

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id, name, partition, due_at, period_ms FROM reminders WHERE grain_id = $g AND name = $n;";
        command.Parameters.AddWithValue("$g", grainId.ToString());
        command.Parameters.AddWithValue("$n", name);
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(IReadOnlyCollection<int> partitions, DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default)
    {
        if (partitions.Count == 0)
        {
            return [];
        }

        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        // Partition numbers are integers from this process, not user input, so listing them inline is safe.
        var list = string.Join(',', partitions.Select(static p => p.ToString(CultureInfo.InvariantCulture)));
        command.CommandText =
            $"SELECT grain_id, name, partition, due_at, period_ms FROM reminders WHERE partition IN ({list}) AND due_at <= $t ORDER BY due_at LIMIT $l;";
        command.Parameters.AddWithValue("$t", dueBy.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$l", limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
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
