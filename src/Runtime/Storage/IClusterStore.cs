namespace Orleans.Personalization.Runtime.Storage;

/// <summary>Membership and partition leases, the way Orleans' ADO.NET clustering keeps them in tables.</summary>
public interface IClusterStore
{
    /// <summary>
    /// True when the storage itself guarantees that no other silo can be alive (an embedded database
    /// locked by this process): leases left by a crashed predecessor may then be taken at once.
    /// </summary>
    bool IsExclusive { get; }

    /// <summary>
    /// Registers the silo. Creates the cluster with <paramref name="partitionCount"/> partitions on first
    /// use; refuses (with <see cref="ClusterConfigurationException"/>) a different partition count or a
    /// silo id that a live silo already holds.
    /// </summary>
    Task JoinAsync(SiloRegistration silo, int partitionCount, CancellationToken cancellationToken = default);

    /// <summary>Marks the silo as gone.</summary>
    Task LeaveAsync(string siloId, CancellationToken cancellationToken = default);

    /// <summary>Every partition's lease (free partitions have a null owner).</summary>
    Task<IReadOnlyList<PartitionLease>> ReadLeasesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a partition if its epoch is still <paramref name="expectedEpoch"/> (compare-and-swap); the new
    /// lease has the next epoch. Returns null when someone else changed it first.
    /// </summary>
    Task<PartitionLease?> TryAcquireAsync(int partition, string siloId, long expectedEpoch, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Extends the leases this silo still holds; returns the partitions it no longer holds.</summary>
    Task<IReadOnlyList<int>> RenewAsync(string siloId, IReadOnlyCollection<PartitionLease> leases, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Gives a partition up, keeping its epoch so the next owner's is higher.</summary>
    Task ReleaseAsync(PartitionLease lease, CancellationToken cancellationToken = default);
}
