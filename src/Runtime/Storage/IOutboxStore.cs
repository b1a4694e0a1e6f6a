namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// The durable outbox (ARCHITECTURE D5): messages for systems outside the cluster, in one global order.
/// Sequences grow with commit order: once a reader has seen sequence N, no entry at or below N appears
/// later, so a reader resuming after N misses nothing (SSE's Last-Event-ID relies on it).
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// Appends, in list order, the messages whose id is not stored yet (a repeated id is skipped, so an
    /// at-least-once producer adds each message once); fenced by the producing partition's lease.
    /// Returns how many were new.
    /// </summary>
    Task<int> AppendAsync(int partition, long fencingToken, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxCount"/> entries after <paramref name="afterSequence"/>, in sequence order:
    /// only of <paramref name="types"/> when given, and withheld ones only when asked for.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ReadAsync(long afterSequence, int maxCount, IReadOnlyCollection<string>? types = null, bool includeWithheld = false, CancellationToken cancellationToken = default);

    /// <summary>One entry by its sequence, or null.</summary>
    Task<OutboxEntry?> ReadOneAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence stored, 0 when none.</summary>
    Task<long> LastSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes entries that occurred before <paramref name="before"/> (retention); returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>Raised after an append by this process committed at least one new entry.</summary>
    event Action? Appended;
}
