using System.Text.Json.Serialization;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>Base of the popularity grain's journal events; discriminators are stored names.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(PopularityObserved), "popularity-observed")]
public abstract record PopularityEvent : IJournalEvent
{
    public required DateTimeOffset Timestamp { get; init; }
}
