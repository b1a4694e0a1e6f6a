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

    /// <summary>
    /// Whether a pass catches up all its partitions side by side (their writes then share commits, so a pass waits
    /// for about one commit instead of one or two per partition) rather than one after another.
    /// <see cref="ProjectAsync"/> is then called for several partitions at once (never twice at once for one
    /// partition), and its checkpoints are stored as those of batches with nothing for it are, at most every
    /// <see cref="ProjectionOptions.IdleCheckpointInterval"/> per partition: after a restart it is handed over at most
    /// that much again, which its idempotent effects absorb. Worth it for projections whose writes follow rare
    /// records, such as raised triggers, where a pass's speed is their latency. A projection that writes for most
    /// batches writes less when its passes are slow and handle more records each (BENCHMARKS.md, ingestion), so the
    /// default is one after another, with a checkpoint stored after each batch it handled.
    /// </summary>
    bool CatchesUpPartitionsTogether => false;
}
