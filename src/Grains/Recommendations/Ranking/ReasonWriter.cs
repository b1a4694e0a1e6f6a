using Orleans.Personalization.Grains.Recommendations.Popularity;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>The sentence a shopper sees beside a recommended product: "bought with X", "trending in shoes", "because you viewed Y".</summary>
public static class ReasonWriter
{
    /// <param name="item">The recommended product.</param>
    /// <param name="origins">Why each seed product was a seed.</param>
    /// <param name="nameOf">A product's title, or its id when the title is unknown.</param>
    public static string Write(RankedItem item, IReadOnlyDictionary<string, SeedOrigin> origins, Func<string, string> nameOf)
    {
        var via = item.Via;
        return item.Strategy switch
        {
            RecommendationStrategy.Pinned => "featured",
            RecommendationStrategy.CoPurchase when via is not null => $"bought with {nameOf(via)}",
            RecommendationStrategy.CoCart when via is not null => $"often in a cart with {nameOf(via)}",
            RecommendationStrategy.CoView when via is not null => origins.GetValueOrDefault(via) == SeedOrigin.Viewed
                ? $"because you viewed {nameOf(via)}"
                : $"viewed with {nameOf(via)}",
            RecommendationStrategy.SessionNeighbours when via is not null => $"because you viewed {nameOf(via)}",
            RecommendationStrategy.CategoryTrending when via is not null => $"trending in {CategoryKeys.Leaf(via)}",
            RecommendationStrategy.Search when via is not null => $"matches \"{via}\"",
            RecommendationStrategy.Popular => "popular in the store",
            _ => "trending now",
        };
    }
}
