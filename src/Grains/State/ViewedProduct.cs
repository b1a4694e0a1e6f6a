namespace Orleans.Personalization.Grains.State;

/// <summary>A product the shopper viewed, with its latest view time (Unix ms).</summary>
public sealed class ViewedProduct
{
    public string ProductId { get; set; } = "";

    public string? Category { get; set; }

    public decimal? Price { get; set; }

    public long At { get; set; }
}
