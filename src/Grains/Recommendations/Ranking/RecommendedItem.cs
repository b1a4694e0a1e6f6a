namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>One recommended product as answered: score (0 for a pin), strategy, the reason to show, and catalog fields.</summary>
public sealed record RecommendedItem(
    string ProductId,
    double Score,
    string Strategy,
    string Reason,
    string? Title,
    string? Category,
    decimal? Price,
    string? Currency);
