namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>A recommendation: its id (report impressions and clicks with it), placement and products in order.</summary>
public sealed record RecommendationResponse(string RecommendationId, string Placement, IReadOnlyList<RecommendedItem> Items);
