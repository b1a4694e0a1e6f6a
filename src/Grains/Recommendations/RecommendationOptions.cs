using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Recommendations;

/// <summary>
/// Settings of recommendations (section "Recommendations"): one <see cref="PlacementOptions"/> per placement, e.g.
/// <c>Recommendations:ProductPage:MaxPerCategory=2</c> or <c>Recommendations:Home:Pins:0:ProductId=gift-card</c>.
/// </summary>
public sealed class RecommendationOptions
{
    public const string SectionName = "Recommendations";

    /// <summary>How long this silo trusts its copy of a product's info (products on this silo update it at once).</summary>
    public TimeSpan ProductInfoTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long this silo's copy of the popularity rankings is used before it is refreshed.</summary>
    public TimeSpan PopularityTtl { get; set; } = TimeSpan.FromSeconds(1);

    public PlacementOptions Home { get; set; } = Defaults(
        ("session-knn", 1.0), ("co-view", 0.6), ("co-cart", 0.2), ("category-trending", 0.5), ("trending", 0.3), ("popular", 0.1));

    public PlacementOptions ProductPage { get; set; } = Defaults(
        ("co-view", 1.0), ("co-purchase", 0.7), ("co-cart", 0.4), ("session-knn", 0.5), ("category-trending", 0.3), ("trending", 0.05));

    public PlacementOptions Cart { get; set; } = Defaults(
        ("co-cart", 1.0), ("co-purchase", 0.8), ("co-view", 0.4), ("category-trending", 0.2), ("trending", 0.1));

    public PlacementOptions OrderConfirmation { get; set; } = Defaults(
        ("co-purchase", 1.0), ("co-cart", 0.6), ("co-view", 0.3), ("category-trending", 0.2), ("trending", 0.1));

    public PlacementOptions Search { get; set; } = Defaults(
        ("session-knn", 0.6), ("co-view", 0.4), ("category-trending", 0.6), ("trending", 0.3), ("popular", 0.1));

    public PlacementOptions For(Placement placement) => placement switch
    {
        Placement.Home => Home,
        Placement.ProductPage => ProductPage,
        Placement.Cart => Cart,
        Placement.OrderConfirmation => OrderConfirmation,
        _ => Search,
    };

    private static PlacementOptions Defaults(params (string Strategy, double Weight)[] weights) => new()
    {
        Weights = weights.ToDictionary(static w => w.Strategy, static w => w.Weight, StringComparer.Ordinal),
    };
}
