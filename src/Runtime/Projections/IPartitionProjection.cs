using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Projections;

/// <summary>
/// A projection of the partitioned log (ARCHITECTURE D2): it reads every partition this silo holds, in
/// position order, and turns events into something else (another grain's state, an outbox, a table).
/// Delivery is at least once: after a crash a batch may be handed over again, so <see cref="ProjectAsync"/>
/// must make its effects idempotent, keyed by the causing record's (partition, position).
/// </summary>
public interface IPartitionProjection
{
    /// <summary>Stable name; its checkpoints are stored under it.</summary>
    string Name { get; }

    /// <summary>Whether the projection cares about events of this type (others are skipped unread).</summary>
    bool Accepts(string eventType);

    /// <summary>Handles a batch of one partition's records, in order; throwing retries the batch later.</summary>
    Task ProjectAsync(int partition, IReadOnlyList<PartitionRecord> records, CancellationToken cancellationToken);
}
