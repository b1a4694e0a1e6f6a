namespace Orleans.Personalization.Grains.Interfaces.Catalog;

/// <summary>The product after a catalog write, and whether the catalog had no entry for it before.</summary>
public sealed record CatalogUpsertResult(ProductInfo Product, bool Created);
