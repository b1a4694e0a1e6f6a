namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>A candidate after blending: its score, the strategy that contributed most and what that came through.</summary>
public readonly record struct BlendedCandidate(string ProductId, double Score, RecommendationStrategy Strategy, string? Via);
