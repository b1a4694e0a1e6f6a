namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// An outbox entry to deliver to one subscriber. Deliveries of one <see cref="Lane"/> go out one at a time in
/// sequence order (the lane comes from the entry's ordering key), lanes in parallel.
/// </summary>
public sealed record DeliveryItem(long Sequence, string MessageId, string Type, int Lane);
