using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.EventSourcing;

/// <summary>Rebuilds a state from the whole journal, ignoring snapshots: the reference a live state must equal.</summary>
public static class JournalReplay
{
    public static async Task<(TState State, long Version)> ReplayAsync<TState, TEvent>(
        IJournalStore journal,
        string streamId,
        JsonTypeInfo<TEvent> eventTypeInfo,
        CancellationToken cancellationToken = default)
        where TState : class, IJournaledState<TEvent>, new()
    {
        var state = new TState();
        var records = await journal.ReadStreamAsync(streamId, 0, cancellationToken);
        foreach (var record in records)
        {
            state.Apply(JsonSerializer.Deserialize(record.Payload, eventTypeInfo)!);
        }

        return (state, records.Count);
    }
}
