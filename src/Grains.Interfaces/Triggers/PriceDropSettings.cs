namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>Price drop: a product the shopper viewed or carted is now at least <see cref="MinDropPercent"/> % cheaper than they saw it.</summary>
public sealed record PriceDropSettings
{
    public bool Enabled { get; init; } = true;

    public double MinDropPercent { get; init; } = 5;
}
