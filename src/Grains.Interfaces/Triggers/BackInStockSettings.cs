namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>Back in stock: a product the shopper viewed or carted was out of stock and is available again.</summary>
public sealed record BackInStockSettings
{
    public bool Enabled { get; init; } = true;
}
