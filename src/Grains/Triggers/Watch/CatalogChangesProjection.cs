using System.Text.Json;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Triggers.Watch;

/// <summary>
/// The catalog hook: reads the catalog's own journal events ("product-catalogued" in the product grains'
/// streams, written by <c>PUT /v1/catalog/products/{id}</c>) and hands each product's price and stock to
/// its <see cref="IProductWatchGrain"/>, in the order they were written. It reads the stored JSON fields
/// (price, currency, inStock, title, categoryPath), which are as stable as the event's stored name.
/// </summary>
public sealed class CatalogChangesProjection(IGrainFactory grains) : IPartitionProjection
{
    public const string CatalogEventType = "product-catalogued";

    public string Name => "catalog-changes";

    public bool Accepts(string eventType) => eventType == CatalogEventType;

    public async Task ProjectAsync(int partition, IReadOnlyList<PartitionRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            var productId = GrainId.Parse(record.StreamId).Key;
            using var document = JsonDocument.Parse(record.Payload);
            var root = document.RootElement;
            var update = new CatalogProductUpdate(
                productId,
                root.TryGetProperty("price", out var price) && price.ValueKind == JsonValueKind.Number ? price.GetDecimal() : null,
                root.TryGetProperty("currency", out var currency) && currency.ValueKind == JsonValueKind.String ? currency.GetString() : null,
                root.TryGetProperty("inStock", out var inStock) && inStock.ValueKind is JsonValueKind.True or JsonValueKind.False ? inStock.GetBoolean() : null,
                root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null,
                root.TryGetProperty("categoryPath", out var path) && path.ValueKind == JsonValueKind.Array && path.GetArrayLength() > 0
                    ? path[path.GetArrayLength() - 1].GetString()
                    : null);
            await grains.GetGrain<IProductWatchGrain>(productId).CatalogUpdatedAsync(update);
        }
    }
}
