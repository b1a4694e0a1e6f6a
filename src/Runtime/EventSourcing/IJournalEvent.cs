namespace Orleans.Personalization.Runtime.EventSourcing;

/// <summary>An event with a business time, stored beside it in the journal for time-range reads.</summary>
public interface IJournalEvent
{
    /// <summary>When the event happened.</summary>
    DateTimeOffset Timestamp { get; }
}
