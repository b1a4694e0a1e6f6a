namespace Orleans.Personalization.Runtime.Storage;

/// <summary>A stored outbox message with its <see cref="Sequence"/>, the global, commit-ordered position.</summary>
public sealed record OutboxEntry(long Sequence, string MessageId, string Type, string Key, DateTimeOffset OccurredAt, bool Withheld, byte[] Payload);
