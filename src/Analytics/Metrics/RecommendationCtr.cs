namespace Orleans.Personalization.Analytics.Metrics;

/// <summary>
/// Click-through of recommendations in one placement from one strategy: per impression (clicks / impressions,
/// as ad CTR is defined) and per shopper (shoppers who clicked / shoppers who saw one).
/// </summary>
public sealed record RecommendationCtr(
    string Placement,
    string Strategy,
    int Impressions,
    int Clicks,
    double ClickThroughRate,
    int ShoppersReached,
    int ShoppersClicked,
    double ShopperClickThroughRate);
