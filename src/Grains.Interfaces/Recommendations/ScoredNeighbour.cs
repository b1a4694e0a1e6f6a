namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>A related product and its similarity (weighted Jaccard of decayed basket counts, 0 to 1).</summary>
public sealed record ScoredNeighbour(string ProductId, double Score);
