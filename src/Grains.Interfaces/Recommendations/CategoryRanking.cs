namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>The most popular (7-day half-life) and trending (6-hour half-life) products of one category, best first.</summary>
public sealed record CategoryRanking(IReadOnlyList<RankedProduct> Popular, IReadOnlyList<RankedProduct> Trending);
