using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Interfaces.Catalog;

/// <summary>
/// One product, keyed by its product id: its catalog entry (or what events said about it, when the catalog
/// has not) and its co-occurrence vectors with other products, fed from the shoppers' log exactly once.
/// </summary>
[GrainType("product")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the catalog entry; says whether the catalog had no entry before.</summary>
    Task<CatalogUpsertResult> UpsertCatalogAsync(CatalogEntry entry);

    /// <summary>The product as the catalog and the events know it, or null when neither has named it.</summary>
    Task<ProductInfo?> GetInfoAsync();

    /// <summary>Applies contributions from the shoppers' log, skipping any (partition, position) already applied.</summary>
    Task<ProductCounters> ApplyCoOccurrenceAsync(CoOccurrenceDelivery delivery);

    /// <summary>The product's decayed activity counters.</summary>
    Task<ProductCounters> GetCountersAsync();

    /// <summary>The best-scored neighbours per relation and the recent sessions that viewed the product.</summary>
    Task<ProductNeighbours> GetNeighboursAsync();

    /// <summary>The in-memory state as canonical JSON, to check it against a replay of the journal.</summary>
    Task<string> GetStateJsonAsync();
}
