namespace Orleans.Personalization.Runtime.Storage;

/// <summary>The durable, partitioned event log: each grain's events, in order, form its journal.</summary>
public interface IJournalStore
{
    /// <summary>Appends atomically and durably; completes only once the events would survive a crash.</summary>
    /// <exception cref="JournalConflictException">The journal already holds more events than expected.</exception>
    /// <exception cref="LeaseLostException">The fencing token is not the partition's current lease.</exception>
    Task AppendAsync(JournalAppend append, CancellationToken cancellationToken = default);

    /// <summary>The events of one stream with a sequence number above <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<JournalRecord>> ReadStreamAsync(string streamId, long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> events of a partition after <paramref name="afterPosition"/>, in position order.</summary>
    Task<IReadOnlyList<PartitionRecord>> ReadPartitionAsync(int partition, long afterPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Raised after an append by this process commits, with the partition it went to.</summary>
    event Action<int>? Appended;
}
