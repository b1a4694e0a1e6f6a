namespace Orleans.Personalization.Grains.State;

/// <summary>The price a price-drop trigger told the shopper for a product.</summary>
public sealed class PriceNotice
{
    public string ProductId { get; set; } = "";

    public decimal Price { get; set; }
}
