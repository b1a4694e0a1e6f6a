using Orleans.Personalization.Grains.Interfaces.Catalog;

namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>What a product offers a recommendation: its info, best neighbours per relation, and recent sessions.</summary>
public sealed record ProductNeighbours(
    ProductInfo? Info,
    IReadOnlyList<ScoredNeighbour> CoView,
    IReadOnlyList<ScoredNeighbour> CoCart,
    IReadOnlyList<ScoredNeighbour> CoPurchase,
    IReadOnlyList<NeighbourSession> Sessions)
{
    public static ProductNeighbours Empty { get; } = new(null, [], [], [], []);
}
