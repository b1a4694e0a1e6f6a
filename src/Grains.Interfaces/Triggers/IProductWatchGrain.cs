using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>
/// The catalog state of one product as triggers see it (keyed by product id): it notices a lower price or
/// a return to stock and journals the change, which is then told to every shopper who recently viewed or
/// carted the product. The catalog's journal feeds it (docs/triggers.md, "Catalog hook").
/// </summary>
[GrainType("product-watch")]
public interface IProductWatchGrain : IGrainWithStringKey
{
    /// <summary>
    /// The catalog's price or stock of the product is now as given. A drop in price, or a return to stock,
    /// is recorded as a change for the watching shoppers. The same values again change nothing.
    /// </summary>
    Task CatalogUpdatedAsync(CatalogProductUpdate update);

    /// <summary>Every change recorded so far, oldest first.</summary>
    Task<IReadOnlyList<ProductChange>> GetChangesAsync();
}
