namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// Membership and partition leases, the way Orleans' ADO.NET clustering keeps them in tables. Times (lease
/// expiry, heartbeats) are set by the store's clock, never by a silo's.
/// </summary>
public interface IClusterStore
{
    /// <summary>
    /// True when the storage itself guarantees that no other silo can be alive (an embedded database
    /// locked by this process): leases left by a crashed predecessor may then be taken at once.
    /// </summary>
    bool IsExclusive { get; }

    /// <summary>
    /// Registers the silo. Creates the cluster with <paramref name="partitionCount"/> partitions on first
    /// use; refuses (with <see cref="ClusterConfigurationException"/>) a different partition count, or a
    /// silo id whose holder heartbeated less than <paramref name="deadAfter"/> ago.
    /// </summary>
    Task JoinAsync(SiloRegistration silo, int partitionCount, TimeSpan deadAfter, CancellationToken cancellationToken = default);

    /// <summary>Marks the silo as gone.</summary>
    Task LeaveAsync(string siloId, CancellationToken cancellationToken = default);

    /// <summary>Every partition's lease (free partitions have a null owner), every silo, and the store's time.</summary>
    Task<ClusterSnapshot> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a partition if its epoch is still <paramref name="expectedEpoch"/> (compare-and-swap); the new
    /// lease has the next epoch and lasts <paramref name="duration"/>. Null when someone changed it first.
    /// </summary>
    Task<PartitionLease?> TryAcquireAsync(int partition, string siloId, long expectedEpoch, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the leases this silo still holds by <paramref name="duration"/> and records a heartbeat;
    /// returns the partitions it no longer holds.
    /// </summary>
    Task<IReadOnlyList<int>> RenewAsync(string siloId, IReadOnlyCollection<PartitionLease> leases, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives a partition up, keeping its epoch so the next owner's is higher.</summary>
    Task ReleaseAsync(PartitionLease lease, CancellationToken cancellationToken = default);
}
