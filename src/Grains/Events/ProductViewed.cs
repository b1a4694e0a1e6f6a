namespace Orleans.Personalization.Grains.Events;

/// <summary>Segment "Product Viewed".</summary>
public sealed record ProductViewed : ShopperEvent
{
    public required ProductLine Product { get; init; }
}
