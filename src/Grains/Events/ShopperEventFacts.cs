namespace Orleans.Personalization.Grains.Events;

/// <summary>
/// The few fields of a stored view, add to cart or order that the projections of every view need (co-occurrence, the
/// watch index). Reading only these (the stored "$type", "properties" and context are skipped, not materialised) keeps
/// those projections cheap beside ingestion.
/// </summary>
internal sealed class ShopperEventFacts
{
    public DateTimeOffset Timestamp { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public ProductLine? Product { get; set; }

    public string? OrderId { get; set; }

    public List<ProductLine>? Products { get; set; }
}
