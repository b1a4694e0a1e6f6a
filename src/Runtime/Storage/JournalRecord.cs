namespace Orleans.Personalization.Runtime.Storage;

/// <summary>A stored event: its 1-based sequence number within the stream, type name, payload and time.</summary>
public sealed record JournalRecord(long Sequence, string EventType, byte[] Payload, DateTimeOffset Timestamp);
