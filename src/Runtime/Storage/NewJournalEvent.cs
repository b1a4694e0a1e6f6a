namespace Orleans.Personalization.Runtime.Storage;

/// <summary>An event about to be appended: its stable type name, serialized payload and business time.</summary>
public readonly record struct NewJournalEvent(string EventType, byte[] Payload, DateTimeOffset Timestamp);
