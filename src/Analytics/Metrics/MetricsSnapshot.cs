namespace Orleans.Personalization.Analytics.Metrics;

/// <summary>Store metrics over a set of sessions. Shopper counts are unique resolved people, as in Amplitude.</summary>
/// <param name="Shoppers">Unique shoppers with at least one session.</param>
/// <param name="Sessions">Sessions.</param>
/// <param name="PurchasingShoppers">Shoppers with at least one purchase.</param>
/// <param name="PurchasingSessions">Sessions with at least one purchase.</param>
/// <param name="ShopperConversionRate">PurchasingShoppers / Shoppers.</param>
/// <param name="SessionConversionRate">PurchasingSessions / Sessions.</param>
/// <param name="AddToCartShoppers">Shoppers who added anything to the cart.</param>
/// <param name="AddToCartRate">AddToCartShoppers / Shoppers.</param>
/// <param name="Orders">Purchase events.</param>
/// <param name="Revenue">Revenue of those purchases.</param>
/// <param name="AverageOrderValue">Revenue / Orders; null without orders.</param>
/// <param name="RevenuePerSession">Revenue / Sessions.</param>
/// <param name="RevenuePerShopper">Revenue / Shoppers.</param>
/// <param name="BouncedSessions">Sessions of one page view, no interaction, shorter than the bounce threshold.</param>
/// <param name="BounceRate">BouncedSessions / Sessions.</param>
/// <param name="SessionsPerShopper">Sessions / Shoppers.</param>
/// <param name="Recommendations">Click-through per placement and strategy.</param>
public sealed record MetricsSnapshot(
    int Shoppers,
    int Sessions,
    int PurchasingShoppers,
    int PurchasingSessions,
    double ShopperConversionRate,
    double SessionConversionRate,
    int AddToCartShoppers,
    double AddToCartRate,
    int Orders,
    decimal Revenue,
    decimal? AverageOrderValue,
    decimal RevenuePerSession,
    decimal RevenuePerShopper,
    int BouncedSessions,
    double BounceRate,
    double SessionsPerShopper,
    IReadOnlyList<RecommendationCtr> Recommendations);
