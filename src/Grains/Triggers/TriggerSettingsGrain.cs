using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>The deployment's trigger settings, event-sourced; each change is published to this silo's cache at once.</summary>
public sealed class TriggerSettingsGrain(TriggerSettingsCache cache, ILogger<TriggerSettingsGrain> logger)
    : JournaledGrain<TriggerSettingsState, TriggerSettingsEvent>, ITriggerSettingsGrain
{
    protected override JsonTypeInfo<TriggerSettingsEvent> EventTypeInfo => TriggerJsonContext.Default.TriggerSettingsEvent;

    protected override JsonTypeInfo<TriggerSettingsState> StateTypeInfo => TriggerJsonContext.Default.TriggerSettingsState;

    public Task<VersionedTriggerSettings> GetAsync() => Task.FromResult(new VersionedTriggerSettings(State.Settings, Version));

    public async Task<VersionedTriggerSettings> UpdateAsync(TriggerSettings settings)
    {
        RaiseEvent(new TriggerSettingsChanged { Timestamp = TimeProvider.GetUtcNow(), Settings = settings });
        await ConfirmEventsAsync();
        var current = new VersionedTriggerSettings(State.Settings, Version);
        cache.Publish(current);
        TriggerLog.SettingsChanged(logger, Version);
        return current;
    }
}
