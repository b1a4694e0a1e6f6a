namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>A recommendation as it was answered: its id, placement and items in order.</summary>
public sealed record ServedRecommendation(string RecommendationId, string Placement, IReadOnlyList<ServedItem> Items, DateTimeOffset ServedAt);
