using System.Globalization;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// Membership and leases in SQLite. The database belongs to one process (see <see cref="SqliteDatabase"/>),
/// so the store is exclusive: leases held by a crashed predecessor can be taken at once. The tables and
/// the compare-and-swap on epochs are the same as a shared store's, so the silo runs the same code.
/// </summary>
public sealed class SqliteClusterStore(SqliteDatabase database, TimeProvider timeProvider) : IClusterStore
{
    public bool IsExclusive => true;

    public Task JoinAsync(SiloRegistration silo, int partitionCount, TimeSpan deadAfter, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            var read = context.Command("SELECT value FROM cluster WHERE key = 'partition_count';");
            if (read.ExecuteScalar() is string stored)
            {
                var existing = int.Parse(stored, CultureInfo.InvariantCulture);
                if (existing != partitionCount)
                {
                    throw new ClusterConfigurationException(
                        $"The storage at {database.DatabasePath} was created with {existing} partitions, but Silo:PartitionCount is {partitionCount}. "
                        + "The partition count is fixed when a cluster is created; set it back to " + existing.ToString(CultureInfo.InvariantCulture) + ".");
                }
            }
            else
            {
                var create = context.Command("INSERT INTO cluster (key, value) VALUES ('partition_count', $n);", "$n");
                create.Parameters[0].Value = partitionCount.ToString(CultureInfo.InvariantCulture);
                create.ExecuteNonQuery();
                var lease = context.Command("INSERT INTO partition_leases (partition, owner, epoch, expires_at) VALUES ($p, NULL, 0, 0);", "$p");
                for (var partition = 0; partition < partitionCount; partition++)
                {
                    lease.Parameters[0].Value = partition;
                    lease.ExecuteNonQuery();
                }
            }

            var register = context.Command("""
                INSERT INTO silos (silo_id, address, started_at, heartbeat_at, status) VALUES ($i, $a, $s, $s, 'active')
                ON CONFLICT (silo_id) DO UPDATE SET address = excluded.address, started_at = excluded.started_at,
                    heartbeat_at = excluded.heartbeat_at, status = 'active';
                """, "$i", "$a", "$s");
            register.Parameters[0].Value = silo.SiloId;
            register.Parameters[1].Value = silo.Address;
            register.Parameters[2].Value = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            return register.ExecuteNonQuery();
        });

    public Task LeaveAsync(string siloId, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            var command = context.Command("UPDATE silos SET status = 'left' WHERE silo_id = $i;", "$i");
            command.Parameters[0].Value = siloId;
            return command.ExecuteNonQuery();
        });

    public async Task<ClusterSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT partition, owner, epoch, expires_at FROM partition_leases ORDER BY partition;";
        var leases = new List<PartitionLease>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                leases.Add(new PartitionLease(
                    reader.GetInt32(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.GetInt64(2),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
            }
        }

        command.CommandText = "SELECT silo_id, address, started_at, heartbeat_at, status FROM silos ORDER BY silo_id;";
        var silos = new List<SiloEntry>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                silos.Add(new SiloEntry(
                    reader.GetString(0),
                    reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    reader.GetString(4)));
            }
        }

        return new ClusterSnapshot(leases, silos, timeProvider.GetUtcNow());
    }

    public Task<PartitionLease?> TryAcquireAsync(int partition, string siloId, long expectedEpoch, TimeSpan duration, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            var expiresAt = timeProvider.GetUtcNow() + duration;
            var command = context.Command(
                "UPDATE partition_leases SET owner = $o, epoch = epoch + 1, expires_at = $e WHERE partition = $p AND epoch = $x;",
                "$o", "$e", "$p", "$x");
            command.Parameters[0].Value = siloId;
            command.Parameters[1].Value = expiresAt.ToUnixTimeMilliseconds();
            command.Parameters[2].Value = partition;
            command.Parameters[3].Value = expectedEpoch;
            return command.ExecuteNonQuery() == 1
                ? new PartitionLease(partition, siloId, expectedEpoch + 1, expiresAt)
                : null;
        });

    public Task<IReadOnlyList<int>> RenewAsync(string siloId, IReadOnlyCollection<PartitionLease> leases, TimeSpan duration, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync<IReadOnlyList<int>>(context =>
        {
            var expiresAt = timeProvider.GetUtcNow() + duration;
            var command = context.Command(
                "UPDATE partition_leases SET expires_at = $e WHERE partition = $p AND owner = $o AND epoch = $x;",
                "$e", "$p", "$o", "$x");
            var lost = new List<int>();
            foreach (var lease in leases)
            {
                command.Parameters[0].Value = expiresAt.ToUnixTimeMilliseconds();
                command.Parameters[1].Value = lease.Partition;
                command.Parameters[2].Value = siloId;
                command.Parameters[3].Value = lease.Epoch;
                if (command.ExecuteNonQuery() == 0)
                {
                    lost.Add(lease.Partition);
                }
            }

            var heartbeat = context.Command("UPDATE silos SET heartbeat_at = $h WHERE silo_id = $i;", "$h", "$i");
            heartbeat.Parameters[0].Value = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            heartbeat.Parameters[1].Value = siloId;
            heartbeat.ExecuteNonQuery();
            return lost;
        });

    public Task ReleaseAsync(PartitionLease lease, CancellationToken cancellationToken = default) =>
        database.Writer.WriteAsync(context =>
        {
            var command = context.Command(
                "UPDATE partition_leases SET owner = NULL, expires_at = 0 WHERE partition = $p AND owner = $o AND epoch = $x;",
                "$p", "$o", "$x");
            command.Parameters[0].Value = lease.Partition;
            command.Parameters[1].Value = lease.Owner;
            command.Parameters[2].Value = lease.Epoch;
            return command.ExecuteNonQuery();
        });
}
