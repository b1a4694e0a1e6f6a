namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>Contributions for one product, in log order per partition, with the latest known counts of the partners they name.</summary>
public sealed record CoOccurrenceDelivery(IReadOnlyList<CoOccurrenceContribution> Contributions, IReadOnlyList<PartnerCounts> Partners);
