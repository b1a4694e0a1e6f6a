namespace Orleans.Personalization.Grains.Events;

/// <summary>Segment "Order Completed": a purchase. <see cref="Revenue"/> is what counts towards revenue.</summary>
public sealed record OrderCompleted : ShopperEvent
{
    public required string OrderId { get; init; }

    public required decimal Revenue { get; init; }

    public required string Currency { get; init; }

    public IReadOnlyList<ProductLine> Products { get; init; } = [];
}
