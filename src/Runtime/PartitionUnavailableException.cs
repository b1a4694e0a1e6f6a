namespace Orleans.Personalization.Runtime;

/// <summary>No live silo can serve the grain's partition right now (starting, failing over); retry later.</summary>
public sealed class PartitionUnavailableException(GrainId grainId, int partition)
    : Exception($"Partition {partition} of {grainId} is not held by any reachable silo right now.")
{
    public int Partition { get; } = partition;
}
