using Orleans.Personalization.Grains.Catalog.State;
using Orleans.Personalization.Grains.Interfaces.Catalog;

namespace Orleans.Personalization.Grains.Catalog;

/// <summary>The product as callers see it: the catalog entry where there is one, else what events said.</summary>
public static class ProductInfoProjector
{
    public static ProductInfo Project(string productId, ProductState state)
    {
        var catalog = state.Catalog;
        var learned = state.Learned;
        return new ProductInfo
        {
            ProductId = productId,
            Title = catalog?.Title ?? learned?.Name,
            CategoryPath = catalog?.CategoryPath ?? (learned?.Category is { } category ? [category] : []),
            Price = catalog is null ? learned?.Price : catalog.Price,
            Currency = catalog?.Currency,
            InStock = catalog?.InStock,
            Attributes = catalog?.Attributes ?? [],
            InCatalog = catalog is not null,
            CatalogUpdatedAt = catalog is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(catalog.UpdatedAt),
            Views = state.Counters.Views,
            CartAdds = state.Counters.CartAdds,
            Purchases = state.Counters.Purchases,
        };
    }
}
