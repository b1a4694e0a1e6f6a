using System.Text.Json.Serialization;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>Base of the experiment registry's journal events; the names below never change once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ExperimentVersionRecorded), "experiment-version-recorded")]
[JsonDerivedType(typeof(FlagVersionRecorded), "flag-version-recorded")]
[JsonDerivedType(typeof(ExperimentAlertRaised), "experiment-alert-raised")]
public abstract record ExperimentRegistryEvent : IJournalEvent
{
    public required DateTimeOffset Timestamp { get; init; }
}
