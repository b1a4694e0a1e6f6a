namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// Delivery of outbox entries to subscribers (webhooks, a broker): each subscriber's cursor into the outbox,
/// its queue of deliveries with their state, and the log of every attempt. Writes are fenced by the lease
/// of the partition that owns the subscriber, so a silo that lost it cannot write.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>The subscriber's outbox position: every entry at or below it has been queued or skipped (0 at first).</summary>
    Task<long> ReadCursorAsync(string subscriber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues <paramref name="items"/> as pending (an item already queued is left as it is) and moves the
    /// cursor to <paramref name="cursor"/> (never backwards), in one transaction.
    /// </summary>
    Task EnqueueAsync(string subscriber, IReadOnlyList<DeliveryItem> items, long cursor, DateTimeOffset queuedAt, int partition, long fencingToken, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> pending deliveries after <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ReadPendingAsync(string subscriber, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Logs an attempt and moves the delivery to the outcome's status (pending with a next attempt time,
    /// delivered, or dead), in one transaction. Ignored for a delivery that is no longer pending.
    /// </summary>
    Task RecordAttemptAsync(string subscriber, DeliveryOutcome outcome, int partition, long fencingToken, CancellationToken cancellationToken = default);

    /// <summary>Deliveries after <paramref name="afterSequence"/> in sequence order, of one status when given (the delivery log).</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriber, DeliveryStatus? status, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>One delivery, or null.</summary>
    Task<DeliveryRecord?> ReadAsync(string subscriber, long sequence, CancellationToken cancellationToken = default);

    /// <summary>Every logged attempt of one delivery, oldest first.</summary>
    Task<IReadOnlyList<DeliveryAttempt>> ReadAttemptsAsync(string subscriber, long sequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes deliveries pending again with a fresh attempt budget, due at <paramref name="dueAt"/>: the one
    /// with <paramref name="sequence"/> (whatever its status), or every dead one when it is null. Returns how many.
    /// </summary>
    Task<int> RequeueAsync(string subscriber, long? sequence, DateTimeOffset dueAt, int partition, long fencingToken, CancellationToken cancellationToken = default);

    /// <summary>Removes the subscriber's cursor, deliveries and attempts.</summary>
    Task DeleteSubscriberAsync(string subscriber, int partition, long fencingToken, CancellationToken cancellationToken = default);

    /// <summary>Deletes finished (delivered or dead) deliveries last changed before <paramref name="before"/>, with their attempts.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
