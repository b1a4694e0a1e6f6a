namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// The membership and lease tables at one moment, with the store's own clock: lease expiry and heartbeat age
/// are judged by <see cref="Now"/>, so clock skew between silo hosts does not matter.
/// </summary>
public sealed record ClusterSnapshot(IReadOnlyList<PartitionLease> Leases, IReadOnlyList<SiloEntry> Silos, DateTimeOffset Now)
{
    /// <summary>Silos marked active whose heartbeat is younger than <paramref name="deadAfter"/>.</summary>
    public IReadOnlyList<SiloEntry> LiveSilos(TimeSpan deadAfter) =>
        Silos.Where(s => s.Status == SiloEntry.Active && Now - s.HeartbeatAt < deadAfter).ToArray();
}
