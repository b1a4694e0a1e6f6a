using Orleans.Personalization.Grains.Events;

namespace Orleans.Personalization.Grains.Recommendations.CoOccurrence;

/// <summary>
/// The few fields of a stored view, add to cart or order that co-occurrence needs. Reading only these (the stored
/// "$type" and "properties" are skipped, not materialised) keeps the projection cheap beside ingestion.
/// </summary>
internal sealed class ShopperEventFacts
{
    public DateTimeOffset Timestamp { get; set; }

    public ProductLine? Product { get; set; }

    public string? OrderId { get; set; }

    public List<ProductLine>? Products { get; set; }
}
