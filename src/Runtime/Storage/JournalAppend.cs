namespace Orleans.Personalization.Runtime.Storage;

/// <summary>
/// One atomic append to a grain's journal. <see cref="ExpectedVersion"/> is the number of events the
/// writer has seen; the store refuses the append if the journal has moved on (optimistic concurrency),
/// and refuses it if <see cref="FencingToken"/> is not the partition's current lease epoch (fencing).
/// </summary>
public sealed record JournalAppend(
    string StreamId,
    int Partition,
    long FencingToken,
    long ExpectedVersion,
    IReadOnlyList<NewJournalEvent> Events)
{
    /// <summary>
    /// Reminders of the grain to create or move in the same transaction as the events: both are stored or
    /// neither is. Each is in the append's partition, so the same fencing check covers them.
    /// </summary>
    public IReadOnlyList<ReminderEntry> Reminders
    {
        get;
        init => field = value.All(r => r.Partition == Partition)
            ? value
            : throw new ArgumentException($"Reminders appended with events must be in the append's partition {Partition}.", nameof(Reminders));
    } = [];
}
