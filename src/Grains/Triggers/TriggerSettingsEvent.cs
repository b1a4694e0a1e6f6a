using System.Text.Json.Serialization;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>Base of the trigger settings grain's journal events; the names below never change once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(TriggerSettingsChanged), "trigger-settings-changed")]
public abstract record TriggerSettingsEvent : IJournalEvent
{
    public required DateTimeOffset Timestamp { get; init; }
}
