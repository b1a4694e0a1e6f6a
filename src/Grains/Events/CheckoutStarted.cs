namespace Orleans.Personalization.Grains.Events;

/// <summary>Segment "Checkout Started".</summary>
public sealed record CheckoutStarted : ShopperEvent
{
    public string? OrderId { get; init; }

    public decimal? Value { get; init; }

    public string? Currency { get; init; }

    public IReadOnlyList<ProductLine> Products { get; init; } = [];
}
