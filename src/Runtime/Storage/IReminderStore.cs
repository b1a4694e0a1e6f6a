namespace Orleans.Personalization.Runtime.Storage;

/// <summary>The reminder table: one row per (grain, reminder name).</summary>
public interface IReminderStore
{
    /// <summary>Creates or replaces a reminder; fenced by the partition lease.</summary>
    Task UpsertAsync(ReminderEntry reminder, long fencingToken, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a reminder. With <paramref name="onlyIfDueAt"/>, deletes it only if it was not re-registered
    /// meanwhile (a grain may re-arm a reminder while handling it).
    /// </summary>
    Task DeleteAsync(GrainId grainId, string name, int partition, long fencingToken, DateTimeOffset? onlyIfDueAt = null, CancellationToken cancellationToken = default);

    /// <summary>One reminder of a grain, or null.</summary>
    Task<ReminderEntry?> ReadAsync(GrainId grainId, string name, CancellationToken cancellationToken = default);

    /// <summary>Reminders of the given partitions due at or before <paramref name="dueBy"/>, earliest first.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(IReadOnlyCollection<int> partitions, DateTimeOffset dueBy, int limit, CancellationToken cancellationToken = default);
}
