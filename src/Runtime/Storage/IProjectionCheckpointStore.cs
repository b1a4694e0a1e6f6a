namespace Orleans.Personalization.Runtime.Storage;

/// <summary>How far each projection has read each partition of the log.</summary>
public interface IProjectionCheckpointStore
{
    /// <summary>The last position the projection has handled in the partition (0 if none).</summary>
    Task<long> ReadAsync(string projection, int partition, CancellationToken cancellationToken = default);

    /// <summary>Records progress; fenced by the partition lease, so a silo that lost the partition cannot move it.</summary>
    Task WriteAsync(string projection, int partition, long position, long fencingToken, CancellationToken cancellationToken = default);
}
