namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>A validated recommendation request.</summary>
public sealed record RecommendationQuery
{
    public required Placement Placement { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    /// <summary>The product on screen (product page), if any.</summary>
    public string? ProductId { get; init; }

    /// <summary>Cart product ids the store sent (besides the cart the shopper's profile holds).</summary>
    public IReadOnlyList<string> Cart { get; init; } = [];

    public int Count { get; init; } = 10;

    /// <summary>Only products in this category (any level of their path).</summary>
    public string? Category { get; init; }

    public decimal? MinPrice { get; init; }

    public decimal? MaxPrice { get; init; }

    /// <summary>true: only products the catalog marks in stock; false: stock does not matter; null: leave out products marked out of stock.</summary>
    public bool? InStock { get; init; }

    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Search query words (search placement).</summary>
    public string? Query { get; init; }

    /// <summary>Allow products the shopper already bought.</summary>
    public bool IncludePurchased { get; init; }
}
