using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Reminders;

/// <summary>The grain-facing side of reminders: writes the reminder table and wakes the service early.</summary>
public sealed class ReminderRegistry(IReminderStore store)
{
    /// <summary>Raised after a reminder is registered, with its due time, so the service can wake for it.</summary>
    public event Action<DateTimeOffset>? Registered;

    public async Task RegisterAsync(ReminderEntry reminder, long fencingToken)
    {
        await store.UpsertAsync(reminder, fencingToken);
        Announce(reminder);
    }

    /// <summary>Tells the service of a reminder stored some other way (with a journal append), so it wakes for it.</summary>
    public void Announce(ReminderEntry reminder) => Registered?.Invoke(reminder.DueAt);

    public Task UnregisterAsync(GrainId grainId, string name, int partition, long fencingToken) =>
        store.DeleteAsync(grainId, name, partition, fencingToken);

    public Task<ReminderEntry?> GetAsync(GrainId grainId, string name) => store.ReadAsync(grainId, name);
}
