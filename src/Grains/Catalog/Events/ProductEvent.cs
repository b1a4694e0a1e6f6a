using System.Text.Json.Serialization;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Catalog.Events;

/// <summary>Base of a product's journal events; the discriminators are stored names and never change.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ProductCatalogued), "product-catalogued")]
[JsonDerivedType(typeof(CoOccurrenceApplied), "co-occurrence-applied")]
public abstract record ProductEvent : IJournalEvent
{
    public required DateTimeOffset Timestamp { get; init; }
}
