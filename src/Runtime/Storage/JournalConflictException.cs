namespace Orleans.Personalization.Runtime.Storage;

/// <summary>An append found the journal longer than the writer expected: another writer got there first.</summary>
public sealed class JournalConflictException(string streamId, long expectedVersion)
    : Exception($"The journal of {streamId} has moved past version {expectedVersion}.")
{
    public string StreamId { get; } = streamId;
}
