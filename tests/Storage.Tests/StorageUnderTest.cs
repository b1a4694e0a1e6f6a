using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Tests;

/// <summary>One provider's stores on a fresh, empty database.</summary>
public sealed record StorageUnderTest(
    IJournalStore Journal,
    ISnapshotStore Snapshots,
    IReminderStore Reminders,
    IClusterStore Cluster,
    IProjectionCheckpointStore Checkpoints,
    IAsyncDisposable Owner) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
