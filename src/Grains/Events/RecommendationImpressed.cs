namespace Orleans.Personalization.Grains.Events;

/// <summary>The store showed products of a served recommendation (impressions, for CTR per placement and strategy).</summary>
public sealed record RecommendationImpressed : ShopperEvent
{
    public required string RecommendationId { get; init; }

    public required string Placement { get; init; }

    public required IReadOnlyList<RecommendedProduct> Products { get; init; }
}
