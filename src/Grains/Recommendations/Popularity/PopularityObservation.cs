namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>A product's popular and trending weights as of <see cref="AtMs"/>, with its category path.</summary>
public sealed record PopularityObservation(string ProductId, IReadOnlyList<string> CategoryPath, double Popular, double Trending, long AtMs);
