namespace Orleans.Personalization.Runtime.Storage;

/// <summary>A write presented a fencing token that is no longer the partition's lease: the write was refused.</summary>
public sealed class LeaseLostException(int partition, long fencingToken)
    : Exception($"Partition {partition} is no longer held with epoch {fencingToken}; the write was refused.")
{
    public int Partition { get; } = partition;
}
