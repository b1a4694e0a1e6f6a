namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// An event as the partition log holds it. <see cref="Position"/> grows with commit order within the
/// partition (never across partitions), so a reader that resumes after a position misses nothing.
/// </summary>
public sealed record PartitionRecord(long Position, string StreamId, long Sequence, string EventType, byte[] Payload, DateTimeOffset Timestamp);
