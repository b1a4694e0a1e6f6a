using System.Globalization;
using Npgsql;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>
/// Membership and partition leases in PostgreSQL, shared by every silo. Lease expiry and heartbeats use the
/// database's clock (now()), so silo hosts need not agree on the time; acquisition is a compare-and-swap on
/// the epoch, and every acquisition is recorded in lease_history (an audit of who held what, when).
/// </summary>
public sealed class PostgreSqlClusterStore(PostgreSqlDatabase database) : IClusterStore
{
    private const long JoinLockKey = 0x4F50_4A4F_494E; // "OPJOIN": cluster creation and joins one at a time.

    public bool IsExclusive => false;

    public async Task JoinAsync(SiloRegistration silo, int partitionCount, TimeSpan deadAfter, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({JoinLockKey});", cancellationToken);

        await using (var read = new NpgsqlCommand("SELECT value FROM personalization.cluster WHERE key = 'partition_count';", connection, transaction))
        {
            if (await read.ExecuteScalarAsync(cancellationToken) is string stored)
            {
                var existing = int.Parse(stored, CultureInfo.InvariantCulture);
                if (existing != partitionCount)
                {
                    throw new ClusterConfigurationException(
                        $"The cluster in {database.Server} was created with {existing} partitions, but Silo:PartitionCount is {partitionCount}. "
                        + $"The partition count is fixed when a cluster is created; set it back to {existing}.");
                }
            }
            else
            {
                await using var create = new NpgsqlCommand("INSERT INTO personalization.cluster (key, value) VALUES ('partition_count', $1);", connection, transaction);
                create.Parameters.AddWithValue(partitionCount.ToString(CultureInfo.InvariantCulture));
                await create.ExecuteNonQueryAsync(cancellationToken);
                await using var leases = new NpgsqlCommand("""
                    INSERT INTO personalization.partition_leases (partition, owner, epoch, expires_at)
                    SELECT p, NULL, 0, now() FROM generate_series(0, $1 - 1) AS p;
                    """, connection, transaction);
                leases.Parameters.AddWithValue(partitionCount);
                await leases.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var holder = new NpgsqlCommand(
            """
            SELECT address, extract(epoch FROM now() - heartbeat_at) FROM personalization.silos
            WHERE silo_id = $1 AND status = 'active' AND heartbeat_at > now() - $2 AND address <> $3;
            """,
            connection, transaction))
        {
            // The same id at the same address is a restart: this process has bound that address, so the
            // previous holder cannot be alive there. The same id elsewhere may be a live duplicate.
            holder.Parameters.AddWithValue(silo.SiloId);
            holder.Parameters.AddWithValue(deadAfter);
            holder.Parameters.AddWithValue(silo.Address);
            await using var reader = await holder.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                throw new ClusterConfigurationException(
                    $"Silo id '{silo.SiloId}' is held by a live silo at {reader.GetString(0)} (heartbeat {reader.GetDouble(1):0.0} s ago). "
                    + "Give every silo its own Silo:SiloId, or wait until the old one has been gone for a lease duration.");
            }
        }

        await using (var register = new NpgsqlCommand("""
            INSERT INTO personalization.silos (silo_id, address, started_at, heartbeat_at, status) VALUES ($1, $2, now(), now(), 'active')
            ON CONFLICT (silo_id) DO UPDATE SET address = excluded.address, started_at = excluded.started_at,
                heartbeat_at = excluded.heartbeat_at, status = 'active';
            """, connection, transaction))
        {
            register.Parameters.AddWithValue(silo.SiloId);
            register.Parameters.AddWithValue(silo.Address);
            await register.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task LeaveAsync(string siloId, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("UPDATE personalization.silos SET status = 'left' WHERE silo_id = $1;");
        command.Parameters.AddWithValue(siloId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ClusterSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        // One transaction: the leases, the silos and the clock are read at the same instant.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var leases = new List<PartitionLease>();
        await using (var command = new NpgsqlCommand("SELECT partition, owner, epoch, expires_at FROM personalization.partition_leases ORDER BY partition;", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                leases.Add(new PartitionLease(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }

        var silos = new List<SiloEntry>();
        await using (var command = new NpgsqlCommand("SELECT silo_id, address, started_at, heartbeat_at, status FROM personalization.silos ORDER BY silo_id;", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                silos.Add(new SiloEntry(
                    reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
            }
        }

        await using var clock = new NpgsqlCommand("SELECT now();", connection, transaction);
        var now = (DateTime)(await clock.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return new ClusterSnapshot(leases, silos, new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)));
    }

    public async Task<PartitionLease?> TryAcquireAsync(int partition, string siloId, long expectedEpoch, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand("""
            WITH taken AS (
                UPDATE personalization.partition_leases SET owner = $2, epoch = epoch + 1, expires_at = now() + $4
                WHERE partition = $1 AND epoch = $3
                RETURNING partition, owner, epoch, expires_at)
            INSERT INTO personalization.lease_history (partition, epoch, owner, acquired_at)
                SELECT partition, epoch, owner, now() FROM taken
            RETURNING epoch, (SELECT expires_at FROM taken);
            """);
        command.Parameters.AddWithValue(partition);
        command.Parameters.AddWithValue(siloId);
        command.Parameters.AddWithValue(expectedEpoch);
        command.Parameters.AddWithValue(duration);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new PartitionLease(partition, siloId, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }

    public async Task<IReadOnlyList<int>> RenewAsync(string siloId, IReadOnlyCollection<PartitionLease> leases, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var kept = new HashSet<int>();
        if (leases.Count > 0)
        {
            // Rows locked in partition order first, as appends take them: an UPDATE joined to a list of partitions
            // locks rows in whatever order its plan visits them, and deadlocked with this silo's own appends.
            var ordered = leases.OrderBy(static l => l.Partition).ToArray();
            await using (var lockRows = new NpgsqlCommand("""
                SELECT partition FROM personalization.partition_leases
                WHERE partition = ANY($1) ORDER BY partition FOR UPDATE;
                """, connection, transaction))
            {
                lockRows.Parameters.AddWithValue(ordered.Select(static l => l.Partition).ToArray());
                await lockRows.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var renew = new NpgsqlCommand("""
                UPDATE personalization.partition_leases AS l SET expires_at = now() + $2
                FROM unnest($3::int[], $4::bigint[]) AS held(partition, epoch)
                WHERE l.partition = held.partition AND l.epoch = held.epoch AND l.owner = $1
                RETURNING l.partition;
                """, connection, transaction);
            renew.Parameters.AddWithValue(siloId);
            renew.Parameters.AddWithValue(duration);
            renew.Parameters.AddWithValue(ordered.Select(static l => l.Partition).ToArray());
            renew.Parameters.AddWithValue(ordered.Select(static l => l.Epoch).ToArray());
            await using var reader = await renew.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                kept.Add(reader.GetInt32(0));
            }
        }

        await using (var heartbeat = new NpgsqlCommand("UPDATE personalization.silos SET heartbeat_at = now() WHERE silo_id = $1;", connection, transaction))
        {
            heartbeat.Parameters.AddWithValue(siloId);
            await heartbeat.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return leases.Select(static l => l.Partition).Where(p => !kept.Contains(p)).ToArray();
    }

    public async Task ReleaseAsync(PartitionLease lease, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(
            "UPDATE personalization.partition_leases SET owner = NULL, expires_at = now() WHERE partition = $1 AND owner = $2 AND epoch = $3;");
        command.Parameters.AddWithValue(lease.Partition);
        command.Parameters.AddWithValue(lease.Owner!);
        command.Parameters.AddWithValue(lease.Epoch);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
