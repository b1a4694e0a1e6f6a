namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>A product whose neighbours are candidates, with how much they count.</summary>
public sealed record Seed(string ProductId, double Weight, SeedOrigin Origin);
