using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Runtime.Tests.Grains;

public sealed class ReminderProbeGrain : JournaledGrain<CounterState, CounterEvent>, IReminderProbeGrain
{
    protected override JsonTypeInfo<CounterEvent> EventTypeInfo => CounterJsonContext.Default.CounterEvent;

    protected override JsonTypeInfo<CounterState> StateTypeInfo => CounterJsonContext.Default.CounterState;

    public Task ArmAsync(string name, TimeSpan dueTime, TimeSpan? period) => RegisterOrUpdateReminderAsync(name, dueTime, period);

    public async Task ArmWithEventAsync(string name, TimeSpan dueTime, string? eventName, bool failBeforeConfirming)
    {
        if (eventName is not null)
        {
            RaiseEvent(new CounterAdded(eventName, 1, TimeProvider.GetUtcNow()));
        }

        RegisterOrUpdateReminderWithEvents(name, dueTime);
        if (failBeforeConfirming)
        {
            await Task.Yield();
            throw new InvalidOperationException("Failed between arming and confirming.");
        }

        await ConfirmEventsAsync();
    }

    public Task DisarmAsync(string name) => UnregisterReminderAsync(name);

    public async Task ReceiveReminderAsync(string reminderName, ReminderTick tick)
    {
        // Delivery is at least once: a second delivery for the same due time changes nothing.
        var key = $"{reminderName}@{tick.DueAt.ToUnixTimeMilliseconds()}";
        if (!State.Totals.ContainsKey(key))
        {
            RaiseEvent(new CounterAdded(key, 1, tick.FiredAt));
            await ConfirmEventsAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetFiredAsync() =>
        Task.FromResult<IReadOnlyList<string>>(State.Totals.Keys.Order(StringComparer.Ordinal).ToArray());
}
