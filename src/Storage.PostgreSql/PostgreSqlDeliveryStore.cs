using Npgsql;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>Subscriber cursors, delivery queues and the attempt log in PostgreSQL, written fenced by the subscriber's partition.</summary>
public sealed class PostgreSqlDeliveryStore(PostgreSqlDatabase database) : IDeliveryStore
{
    // Children first, so a reader never sees attempts of a missing delivery.
    private static readonly string[] SubscriberTables = ["delivery_attempts", "deliveries", "delivery_cursors"];

    private const string Columns =
        "subscriber, sequence, message_id, type, lane, status, attempts, next_attempt_at, queued_at, updated_at, last_status_code, last_error";

    public async Task<long> ReadCursorAsync(string subscriber, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("SELECT position FROM personalization.delivery_cursors WHERE subscriber = $1;");
        command.Parameters.AddWithValue(subscriber);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }

    public Task EnqueueAsync(string subscriber, IReadOnlyList<DeliveryItem> items, long cursor, DateTimeOffset queuedAt, int partition, long fencingToken, CancellationToken cancellationToken = default) =>
        PostgreSqlFencing.WriteAsync(database, partition, fencingToken, async (connection, transaction) =>
        {
            if (items.Count > 0)
            {
                await using var insert = new NpgsqlCommand("""
                    INSERT INTO personalization.deliveries (subscriber, sequence, message_id, type, lane, status, attempts, next_attempt_at, queued_at, updated_at)
                    SELECT $1, q, m, t, l, 'pending', 0, $2, $2, $2 FROM unnest($3::bigint[], $4::text[], $5::text[], $6::int[]) AS x(q, m, t, l)
                    ON CONFLICT (subscriber, sequence) DO NOTHING;
                    """, connection, transaction);
                insert.Parameters.AddWithValue(subscriber);
                insert.Parameters.AddWithValue(queuedAt.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue(items.Select(static i => i.Sequence).ToArray());
                insert.Parameters.AddWithValue(items.Select(static i => i.MessageId).ToArray());
                insert.Parameters.AddWithValue(items.Select(static i => i.Type).ToArray());
                insert.Parameters.AddWithValue(items.Select(static i => i.Lane).ToArray());
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var move = new NpgsqlCommand("""
                INSERT INTO personalization.delivery_cursors (subscriber, position) VALUES ($1, $2)
                ON CONFLICT (subscriber) DO UPDATE SET position = excluded.position
                WHERE excluded.position > personalization.delivery_cursors.position;
                """, connection, transaction);
            move.Parameters.AddWithValue(subscriber);
            move.Parameters.AddWithValue(cursor);
            return await move.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<DeliveryRecord>> ReadPendingAsync(string subscriber, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        ListAsync(subscriber, DeliveryStatus.Pending, afterSequence, maxCount, cancellationToken);

    public Task RecordAttemptAsync(string subscriber, DeliveryOutcome outcome, int partition, long fencingToken, CancellationToken cancellationToken = default) =>
        PostgreSqlFencing.WriteAsync(database, partition, fencingToken, async (connection, transaction) =>
        {
            var attempt = outcome.Attempt;
            await using var update = new NpgsqlCommand("""
                UPDATE personalization.deliveries SET status = $1, attempts = $2, next_attempt_at = COALESCE($3, next_attempt_at), updated_at = $4,
                    last_status_code = $5, last_error = $6
                WHERE subscriber = $7 AND sequence = $8 AND status = 'pending';
                """, connection, transaction);
            update.Parameters.AddWithValue(StatusName(outcome.Status));
            update.Parameters.AddWithValue(attempt.Attempt);
            update.Parameters.AddWithValue(outcome.NextAttemptAt is { } next ? next.ToUnixTimeMilliseconds() : DBNull.Value);
            update.Parameters.AddWithValue(attempt.At.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue(attempt.StatusCode is { } status ? status : DBNull.Value);
            update.Parameters.AddWithValue((object?)attempt.Error ?? DBNull.Value);
            update.Parameters.AddWithValue(subscriber);
            update.Parameters.AddWithValue(attempt.Sequence);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                // Not pending any more (delivered, dead, or gone): the attempt is not logged either.
                return 0;
            }

            await using var log = new NpgsqlCommand("""
                INSERT INTO personalization.delivery_attempts (subscriber, sequence, attempt, at, duration_ms, status_code, error)
                VALUES ($1, $2, $3, $4, $5, $6, $7);
                """, connection, transaction);
            log.Parameters.AddWithValue(subscriber);
            log.Parameters.AddWithValue(attempt.Sequence);
            log.Parameters.AddWithValue(attempt.Attempt);
            log.Parameters.AddWithValue(attempt.At.ToUnixTimeMilliseconds());
            log.Parameters.AddWithValue((long)attempt.Duration.TotalMilliseconds);
            log.Parameters.AddWithValue(attempt.StatusCode is { } code ? code : DBNull.Value);
            log.Parameters.AddWithValue((object?)attempt.Error ?? DBNull.Value);
            return await log.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriber, DeliveryStatus? status, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand($"""
            SELECT {Columns} FROM personalization.deliveries
            WHERE subscriber = $1 AND sequence > $2 AND ($3::text IS NULL OR status = $3) ORDER BY sequence LIMIT $4;
            """);
        command.Parameters.AddWithValue(subscriber);
        command.Parameters.AddWithValue(afterSequence);
        command.Parameters.AddWithValue(status is { } wanted ? StatusName(wanted) : DBNull.Value);
        command.Parameters.AddWithValue(maxCount);
        return await ReadRecordsAsync(command, cancellationToken);
    }

    public async Task<DeliveryRecord?> ReadAsync(string subscriber, long sequence, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM personalization.deliveries WHERE subscriber = $1 AND sequence = $2;");
        command.Parameters.AddWithValue(subscriber);
        command.Parameters.AddWithValue(sequence);
        var records = await ReadRecordsAsync(command, cancellationToken);
        return records.Count == 0 ? null : records[0];
    }

    public async Task<IReadOnlyList<DeliveryAttempt>> ReadAttemptsAsync(string subscriber, long sequence, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT sequence, attempt, at, duration_ms, status_code, error FROM personalization.delivery_attempts
            WHERE subscriber = $1 AND sequence = $2 ORDER BY id;
            """);
        command.Parameters.AddWithValue(subscriber);
        command.Parameters.AddWithValue(sequence);
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
        PostgreSqlFencing.WriteAsync(database, partition, fencingToken, async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("""
                UPDATE personalization.deliveries SET status = 'pending', attempts = 0, next_attempt_at = $1, updated_at = $1
                WHERE subscriber = $2 AND (($3::bigint IS NULL AND status = 'dead') OR sequence = $3);
                """, connection, transaction);
            command.Parameters.AddWithValue(dueAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue(subscriber);
            command.Parameters.AddWithValue(sequence is { } one ? one : DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task DeleteSubscriberAsync(string subscriber, int partition, long fencingToken, CancellationToken cancellationToken = default) =>
        PostgreSqlFencing.WriteAsync(database, partition, fencingToken, async (connection, transaction) =>
        {
            var removed = 0;
            foreach (var table in SubscriberTables)
            {
                await using var command = new NpgsqlCommand($"DELETE FROM personalization.{table} WHERE subscriber = $1;", connection, transaction);
                command.Parameters.AddWithValue(subscriber);
                removed += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return removed;
        }, cancellationToken);

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var attempts = new NpgsqlCommand("""
            DELETE FROM personalization.delivery_attempts a USING personalization.deliveries d
            WHERE a.subscriber = d.subscriber AND a.sequence = d.sequence AND d.status <> 'pending' AND d.updated_at < $1;
            """, connection, transaction))
        {
            attempts.Parameters.AddWithValue(before.ToUnixTimeMilliseconds());
            await attempts.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var deliveries = new NpgsqlCommand("DELETE FROM personalization.deliveries WHERE status <> 'pending' AND updated_at < $1;", connection, transaction);
        deliveries.Parameters.AddWithValue(before.ToUnixTimeMilliseconds());
        var removed = await deliveries.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

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

    private static async Task<IReadOnlyList<DeliveryRecord>> ReadRecordsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
