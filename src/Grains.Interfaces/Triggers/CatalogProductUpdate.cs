namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>
/// A product's catalog state after a change. Null fields are unknown (left as they were); the first
/// update of a product only records its state, since there is nothing to compare with yet.
/// </summary>
public sealed record CatalogProductUpdate(
    string ProductId,
    decimal? Price,
    string? Currency,
    bool? InStock,
    string? Name = null,
    string? Category = null);
