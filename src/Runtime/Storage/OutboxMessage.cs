namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// A message for the outbox. <see cref="MessageId"/> is unique and stable (duplicates are dropped on append);
/// <see cref="Key"/> is the ordering key (order holds per key); a <see cref="Withheld"/> message is recorded
/// but not delivered (for example a trigger for a shopper in the holdout group).
/// </summary>
public sealed record OutboxMessage(string MessageId, string Type, string Key, DateTimeOffset OccurredAt, bool Withheld, byte[] Payload);
