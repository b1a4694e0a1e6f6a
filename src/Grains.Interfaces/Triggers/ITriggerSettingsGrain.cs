using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>The trigger settings of the deployment (one grain, key "default"), event-sourced so changes are durable.</summary>
[GrainType("trigger-settings")]
public interface ITriggerSettingsGrain : IGrainWithStringKey
{
    /// <summary>The current settings and their version (0 before any change).</summary>
    Task<VersionedTriggerSettings> GetAsync();

    /// <summary>Replaces the settings (already validated by the caller); returns the new version.</summary>
    Task<VersionedTriggerSettings> UpdateAsync(TriggerSettings settings);
}
