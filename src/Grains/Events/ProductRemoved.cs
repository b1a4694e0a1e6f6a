namespace Orleans.Personalization.Grains.Events;

/// <summary>Segment "Product Removed": fewer of a product in the cart; no quantity means the whole line.</summary>
public sealed record ProductRemoved : ShopperEvent
{
    public required ProductLine Product { get; init; }

    public int? Quantity { get; init; }
}
