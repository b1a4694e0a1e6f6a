namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// How one placement blends strategies and which business rules it applies after scoring. Each strategy's
/// scores are divided by its best score, multiplied by its weight here and summed per product.
/// </summary>
public sealed class PlacementOptions
{
    /// <summary>Weight per strategy name (co-view, co-cart, co-purchase, session-knn, category-trending, trending, popular); 0 turns one off.</summary>
    public Dictionary<string, double> Weights { get; set; } = new(StringComparer.Ordinal);

    /// <summary>At most this many products of one category (the most specific level); 0 for no limit.</summary>
    public int MaxPerCategory { get; set; } = 3;

    /// <summary>Leave out products the shopper bought (a request can ask for them with includePurchased=true).</summary>
    public bool ExcludePurchased { get; set; } = true;

    /// <summary>Leave out products the shopper viewed in the current session.</summary>
    public bool ExcludeViewedInSession { get; set; } = true;

    /// <summary>Score × (1 + this × interest) for products in categories the shopper likes (interest 0 to 1).</summary>
    public double CategoryAffinityBoost { get; set; } = 0.3;

    /// <summary>Score × (1 + this × fit) for products near the shopper's typical price (fit 0 to 1).</summary>
    public double PriceFitBoost { get; set; } = 0.2;

    /// <summary>Score × (1 + this × share of query words matched) on the search placement.</summary>
    public double SearchBoost { get; set; } = 3.0;

    public List<BoostRule> Boosts { get; set; } = [];

    public List<PinRule> Pins { get; set; } = [];

    public double Weight(RecommendationStrategy strategy) => Weights.GetValueOrDefault(strategy.Name());
}
