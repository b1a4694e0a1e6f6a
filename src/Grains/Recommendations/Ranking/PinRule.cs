namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>Puts a product at a fixed 1-based position, if it passes the request's filters, stock and exclusions.</summary>
public sealed class PinRule
{
    public string ProductId { get; set; } = "";

    public int Position { get; set; } = 1;
}
