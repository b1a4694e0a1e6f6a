namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// Who watches what: one row per (topic, watcher) with the last time the watcher showed interest (for
/// example the shoppers who viewed or carted a product). A projection of the watchers' partitions writes
/// it, fenced by that partition's lease; a watcher always belongs to one partition, so writers never collide.
/// </summary>
public interface IWatchIndexStore
{
    /// <summary>Records the entries, keeping the later time when a (topic, watcher) row exists.</summary>
    Task UpsertAsync(int partition, long fencingToken, IReadOnlyList<WatchEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> watchers of a topic seen at or after <paramref name="since"/>, most recent first.</summary>
    Task<IReadOnlyList<WatchEntry>> ReadWatchersAsync(string topic, DateTimeOffset since, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Deletes rows last seen before <paramref name="before"/> (retention); returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
