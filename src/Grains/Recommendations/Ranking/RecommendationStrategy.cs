namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>Where a recommended product came from. The order breaks ties between equally strong strategies.</summary>
public enum RecommendationStrategy
{
    /// <summary>Pinned by configuration.</summary>
    Pinned,

    /// <summary>Bought in the same orders as a seed product.</summary>
    CoPurchase,

    /// <summary>Added to the same carts as a seed product.</summary>
    CoCart,

    /// <summary>Viewed in the same sessions as a seed product.</summary>
    CoView,

    /// <summary>Viewed in past sessions most like the shopper's current one (V-SKNN).</summary>
    SessionNeighbours,

    /// <summary>Trending in a category of interest.</summary>
    CategoryTrending,

    /// <summary>Trending across the store.</summary>
    Trending,

    /// <summary>Popular across the store.</summary>
    Popular,

    /// <summary>Matches the search query.</summary>
    Search,
}
