namespace Orleans.Personalization.Grains.Events;

/// <summary>Segment "Product Added": <see cref="Quantity"/> more of a product in the cart.</summary>
public sealed record ProductAdded : ShopperEvent
{
    public required ProductLine Product { get; init; }

    public required int Quantity { get; init; }

    public string? Currency { get; init; }
}
