using Orleans.Personalization.Grains.Interfaces.Catalog;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>A product chosen for the answer: final score, strategy, what it came through, and its info.</summary>
public sealed record RankedItem(string ProductId, double Score, RecommendationStrategy Strategy, string? Via, ProductInfo? Info);
