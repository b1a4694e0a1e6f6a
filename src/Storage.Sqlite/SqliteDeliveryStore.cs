using Microsoft.Data.Sqlite;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>Subscriber cursors, delivery queues and the attempt log in SQLite.</summary>
public sealed class SqliteDeliveryStore(SqliteDatabase database) : IDeliveryStore
{
    private const string Columns =
        "subscriber, sequence, message_id, type, lane, status, attempts, next_attempt_at, queued_at, updated_at, last_status_code, last_error";

    private const string InsertSql = """
        INSERT INTO deliveries (subscriber, sequence, message_id, type, lane, status, attempts, next_attempt_at, queued_at, updated_at)
        VALUES ($s, $q, $m, $t, $l, 'pending', 0, $at, $at, $at) ON CONFLICT (subscriber, sequence) DO NOTHING;
        """;

    private const string CursorSql = """
        INSERT INTO delivery_cursors (subscriber, position) VALUES ($s, $p)
        ON CONFLICT (subscriber) DO UPDATE SET position = excluded.position WHERE excluded.position > delivery_cursors.position;
        """;

    private const string AttemptSql = """
        INSERT INTO delivery_attempts (subscriber, sequence, attempt, at, duration_ms, status_code, error)
        SELECT $s, $q, $n, $at, $d, $c, $e WHERE EXISTS (SELECT 1 FROM deliveries WHERE subscriber = $s AND sequence = $q AND status = 'pending');
        """;

    private const string OutcomeSql = """
        UPDATE deliveries SET status = $st, attempts = $n, next_attempt_at = COALESCE($next, next_attempt_at), updated_at = $at,
            last_status_code = $c, last_error = $e
        WHERE subscriber = $s AND sequence = $q AND status = 'pending';
        """;

    // Children first, so a reader never sees attempts of a missing delivery.
    private static readonly string[] SubscriberTables = ["delivery_attempts", "deliveries", "delivery_cursors"];

    public async Task<long> ReadCursorAsync(string subscriber, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM delivery_cursors WHERE subscriber = $s;";
        command.Parameters.AddWithValue("$s", subscriber);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public Task EnqueueAsync(string subscriber, IReadOnlyList<DeliveryItem> items, long cursor, DateTimeOffset queuedAt, int partition, long fencingToken, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(partition, fencingToken);
            var insert = context.Command(InsertSql, "$s", "$q", "$m", "$t", "$l", "$at");
            foreach (var item in items)
            {
                insert.Parameters[0].Value = subscriber;
                insert.Parameters[1].Value = item.Sequence;
                insert.Parameters[2].Value = item.MessageId;
                insert.Parameters[3].Value = item.Type;
                insert.Parameters[4].Value = item.Lane;
                insert.Parameters[5].Value = queuedAt.ToUnixTimeMilliseconds();
                insert.ExecuteNonQuery();
            }

            var move = context.Command(CursorSql, "$s", "$p");
            move.Parameters[0].Value = subscriber;
            move.Parameters[1].Value = cursor;
            return move.ExecuteNonQuery();
        });

    public async Task<IReadOnlyList<DeliveryRecord>> ReadPendingAsync(string subscriber, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        await ListAsync(subscriber, DeliveryStatus.Pending, afterSequence, maxCount, cancellationToken);

    public Task RecordAttemptAsync(string subscriber, DeliveryOutcome outcome, int partition, long fencingToken, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(partition, fencingToken);
            var attempt = outcome.Attempt;
            var log = context.Command(AttemptSql, "$s", "$q", "$n", "$at", "$d", "$c", "$e");
            log.Parameters[0].Value = subscriber;
            log.Parameters[1].Value = attempt.Sequence;
            log.Parameters[2].Value = attempt.Attempt;
            log.Parameters[3].Value = attempt.At.ToUnixTimeMilliseconds();
            log.Parameters[4].Value = (long)attempt.Duration.TotalMilliseconds;
            log.Parameters[5].Value = attempt.StatusCode is { } code ? code : DBNull.Value;
            log.Parameters[6].Value = (object?)attempt.Error ?? DBNull.Value;
            log.ExecuteNonQuery();

            var update = context.Command(OutcomeSql, "$st", "$n", "$next", "$at", "$c", "$e", "$s", "$q");
            update.Parameters[0].Value = StatusName(outcome.Status);
            update.Parameters[1].Value = attempt.Attempt;
            update.Parameters[2].Value = outcome.NextAttemptAt is { } next ? next.ToUnixTimeMilliseconds() : DBNull.Value;
            update.Parameters[3].Value = attempt.At.ToUnixTimeMilliseconds();
            update.Parameters[4].Value = attempt.StatusCode is { } status ? status : DBNull.Value;
            update.Parameters[5].Value = (object?)attempt.Error ?? DBNull.Value;
            update.Parameters[6].Value = subscriber;
            update.Parameters[7].Value = attempt.Sequence;
            return update.ExecuteNonQuery();
        });

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriber, DeliveryStatus? status, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        var statusFilter = status is null ? "" : " AND status = $st";
        command.CommandText = $"SELECT {Columns} FROM deliveries WHERE subscriber = $s AND sequence > $a{statusFilter} ORDER BY sequence LIMIT $n;";
        command.Parameters.AddWithValue("$s", subscriber);
        command.Parameters.AddWithValue("$a", afterSequence);
        command.Parameters.AddWithValue("$n", maxCount);
        if (status is { } wanted)
        {
            command.Parameters.AddWithValue("$st", StatusName(wanted));
        }

        return await ReadRecordsAsync(command, cancellationToken);
    }

    public async Task<DeliveryRecord?> ReadAsync(string subscriber, long sequence, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM deliveries WHERE subscriber = $s AND sequence = $q;";
        command.Parameters.AddWithValue("$s", subscriber);
        command.Parameters.AddWithValue("$q", sequence);
        var records = await ReadRecordsAsync(command, cancellationToken);
        return records.Count == 0 ? null : records[0];
    }

    public async Task<IReadOnlyList<DeliveryAttempt>> ReadAttemptsAsync(string subscriber, long sequence, CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, attempt, at, duration_ms, status_code, error FROM delivery_attempts
            WHERE subscriber = $s AND sequence = $q ORDER BY id;
            """;
        command.Parameters.AddWithValue("$s", subscriber);
        command.Parameters.AddWithValue("$q", sequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var attempts = new List<DeliveryAttempt>();
        while (await reader.ReadAsync(cancellationToken))
        {
            attempts.Add(new DeliveryAttempt(
                reader.GetInt64(0),
                reader.GetInt32(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return attempts;
    }

    public Task<int> RequeueAsync(string subscriber, long? sequence, DateTimeOffset dueAt, int partition, long fencingToken, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(partition, fencingToken);
            var command = context.Command("""
                UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = $at, updated_at = $at
                WHERE subscriber = $s AND (($q IS NULL AND status = 'dead') OR sequence = $q);
                """, "$at", "$s", "$q");
            command.Parameters[0].Value = dueAt.ToUnixTimeMilliseconds();
            command.Parameters[1].Value = subscriber;
            command.Parameters[2].Value = sequence is { } one ? one : DBNull.Value;
            return command.ExecuteNonQuery();
        });

    public Task DeleteSubscriberAsync(string subscriber, int partition, long fencingToken, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            context.CheckFencing(partition, fencingToken);
            var removed = 0;
            foreach (var table in SubscriberTables)
            {
                var command = context.Command($"DELETE FROM {table} WHERE subscriber = $s;", "$s");
                command.Parameters[0].Value = subscriber;
                removed += command.ExecuteNonQuery();
            }

            return removed;
        });

    public Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            var attempts = context.Command("""
                DELETE FROM delivery_attempts WHERE (subscriber, sequence) IN (
                    SELECT subscriber, sequence FROM deliveries WHERE status <> 'pending' AND updated_at < $b);
                """, "$b");
            attempts.Parameters[0].Value = before.ToUnixTimeMilliseconds();
            attempts.ExecuteNonQuery();
            var deliveries = context.Command("DELETE FROM deliveries WHERE status <> 'pending' AND updated_at < $b;", "$b");
            deliveries.Parameters[0].Value = before.ToUnixTimeMilliseconds();
            return deliveries.ExecuteNonQuery();
        });

    private static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        _ => "dead",
    };

    private static DeliveryStatus ParseStatus(string status) => status switch
    {
        "pending" => DeliveryStatus.Pending,
        "delivered" => DeliveryStatus.Delivered,
        _ => DeliveryStatus.Dead,
    };

    private static async Task<IReadOnlyList<DeliveryRecord>> ReadRecordsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<DeliveryRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new DeliveryRecord(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                ParseStatus(reader.GetString(5)),
                reader.GetInt32(6),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return records;
    }
}
