namespace Orleans.Personalization.Grains.Events;

/// <summary>Segment "Products Searched".</summary>
public sealed record ProductsSearched : ShopperEvent
{
    public required string Query { get; init; }
}
