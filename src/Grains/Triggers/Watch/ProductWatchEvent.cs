using System.Text.Json.Serialization;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Triggers.Watch;

/// <summary>Base of a product watch's journal events; the names below never change once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(CatalogStateRecorded), "catalog-state-recorded")]
[JsonDerivedType(typeof(ProductChangeDetected), ProductChangeDetected.TypeName)]
public abstract record ProductWatchEvent : IJournalEvent
{
    public required DateTimeOffset Timestamp { get; init; }
}
