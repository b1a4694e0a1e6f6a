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
    IReadOnlyList<NewJournalEvent> Events);
