namespace Orleans.Personalization.Grains.Recommendations.Popularity;

/// <summary>Product weights that change a ranking; one event per projection flush.</summary>
public sealed record PopularityObserved : PopularityEvent
{
    public required IReadOnlyList<PopularityObservation> Observations { get; init; }
}
