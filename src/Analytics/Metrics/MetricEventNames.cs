namespace Orleans.Personalization.Analytics.Metrics;

/// <summary>Which events mean what, in Segment's e-commerce v2 names by default.</summary>
public sealed record MetricEventNames
{
    public string PageView { get; init; } = "Page Viewed";

    /// <summary>Fired when a page is left; it lengthens a session without being an interaction (PostHog's $pageleave).</summary>
    public string PageLeave { get; init; } = "Page Left";

    public string AddToCart { get; init; } = "Product Added";

    public string Purchase { get; init; } = "Order Completed";

    public string RecommendationImpression { get; init; } = "Recommendation Viewed";

    public string RecommendationClick { get; init; } = "Recommendation Clicked";

    public string PlacementProperty { get; init; } = "placement";

    public string StrategyProperty { get; init; } = "strategy";

    /// <summary>Events the page fires by itself; they do not stop a session counting as a bounce.</summary>
    public IReadOnlyList<string> Passive { get; init; } = ["Recommendation Viewed", "Experiment Viewed"];
}
