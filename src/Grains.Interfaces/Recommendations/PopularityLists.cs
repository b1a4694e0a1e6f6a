namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>Global and per-category popularity and trending rankings, best first; categories keyed by path ("Shoes > Running").</summary>
public sealed record PopularityLists(
    IReadOnlyList<RankedProduct> Popular,
    IReadOnlyList<RankedProduct> Trending,
    IReadOnlyDictionary<string, CategoryRanking> Categories)
{
    public static PopularityLists Empty { get; } = new([], [], new Dictionary<string, CategoryRanking>());
}
