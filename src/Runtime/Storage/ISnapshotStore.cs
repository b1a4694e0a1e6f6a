namespace Orleans.Personalization.Runtime.Storage;

/// <summary>Snapshots of event-sourced state, so activation replays only the journal's tail.</summary>
public interface ISnapshotStore
{
    /// <summary>The latest snapshot of a stream, or null.</summary>
    Task<GrainSnapshot?> ReadAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Stores the snapshot unless a newer one is already stored; fenced like journal appends.</summary>
    Task WriteAsync(string streamId, int partition, long fencingToken, GrainSnapshot snapshot, CancellationToken cancellationToken = default);
}
