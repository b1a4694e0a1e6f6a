using Orleans.Personalization.Grains.Interfaces.Recommendations;

namespace Orleans.Personalization.Grains.Catalog.Events;

/// <summary>
/// One projection flush's worth of contributions for this product, each keyed by the (partition, position) of
/// the shopper event that caused it; only contributions not applied before are in it. One event per flush, never
/// one per pair: that bounds the write amplification of co-occurrence.
/// </summary>
public sealed record CoOccurrenceApplied : ProductEvent
{
    public required IReadOnlyList<CoOccurrenceContribution> Contributions { get; init; }

    /// <summary>The partners' basket counts as last known, for their similarity with this product.</summary>
    public IReadOnlyList<PartnerCounts> Partners { get; init; } = [];
}
