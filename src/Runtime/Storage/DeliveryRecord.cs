namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// One delivery of an outbox entry to a subscriber. <see cref="Attempts"/> counts attempts since it was
/// (re)queued; <see cref="NextAttemptAt"/> matters only while pending.
/// </summary>
public sealed record DeliveryRecord(
    string Subscriber,
    long Sequence,
    string MessageId,
    string Type,
    int Lane,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset QueuedAt,
    DateTimeOffset UpdatedAt,
    int? LastStatusCode,
    string? LastError);
