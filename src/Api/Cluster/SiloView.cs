namespace Orleans.Personalization.Api.Cluster;

/// <summary>
/// One silo: whether it is live (heartbeat within a lease duration), how long since its heartbeat, and the
/// partitions whose unexpired leases it holds.
/// </summary>
public sealed record SiloView(
    string SiloId,
    string Address,
    string Status,
    bool Live,
    double HeartbeatAgeSeconds,
    DateTimeOffset StartedAt,
    IReadOnlyList<int> Partitions);
