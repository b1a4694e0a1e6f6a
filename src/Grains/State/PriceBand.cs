namespace Orleans.Personalization.Grains.State;

/// <summary>Prices of products the shopper viewed and bought; null until the first.</summary>
public sealed class PriceBand
{
    public PriceStats? Viewed { get; set; }

    public PriceStats? Bought { get; set; }

    public void AddViewed(decimal price) => (Viewed ??= new()).Add(price);

    public void AddBought(decimal price) => (Bought ??= new()).Add(price);
}
