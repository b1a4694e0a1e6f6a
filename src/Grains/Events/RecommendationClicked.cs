namespace Orleans.Personalization.Grains.Events;

/// <summary>The shopper clicked a product of a served recommendation.</summary>
public sealed record RecommendationClicked : ShopperEvent
{
    public required string RecommendationId { get; init; }

    public required string Placement { get; init; }

    public required RecommendedProduct Product { get; init; }
}
