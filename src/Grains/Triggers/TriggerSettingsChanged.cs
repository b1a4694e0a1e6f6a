using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>The settings after a change, whole (so any version can be read back alone).</summary>
public sealed record TriggerSettingsChanged : TriggerSettingsEvent
{
    public required TriggerSettings Settings { get; init; }
}
