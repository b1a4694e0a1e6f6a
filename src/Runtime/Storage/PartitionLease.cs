namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// Ownership of one partition by one silo. <see cref="Epoch"/> grows by one at every change of owner and
/// is the fencing token every write presents.
/// </summary>
public sealed record PartitionLease(int Partition, string? Owner, long Epoch, DateTimeOffset ExpiresAt);
