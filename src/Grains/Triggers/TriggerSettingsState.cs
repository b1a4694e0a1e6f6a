using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>The current trigger settings: the defaults until the first change.</summary>
public sealed class TriggerSettingsState : IJournaledState<TriggerSettingsEvent>
{
    public TriggerSettings Settings { get; set; } = new();

    public void Apply(TriggerSettingsEvent domainEvent)
    {
        if (domainEvent is TriggerSettingsChanged changed)
        {
            Settings = changed.Settings;
        }
    }
}
