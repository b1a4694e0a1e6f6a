using System.Text.Json;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Triggers.Watch;

/// <summary>
/// Keeps the watch index of products: each product a shopper views or carts (merged anonymous history
/// included) gets a (product, shopper) row with the time. One write per batch, idempotent, so a batch
/// handed over again after a crash changes nothing.
/// </summary>
public sealed class ProductWatchersProjection(IWatchIndexStore index, IPartitionOwnership ownership) : IPartitionProjection
{
    /// <summary>How long a view or cart add keeps a shopper watching the product.</summary>
    public static readonly TimeSpan WatchWindow = TimeSpan.FromDays(30);

    public string Name => "product-watchers";

    // Stored names of ShopperEvent types (they never change).
    private const string MergedType = "anonymous-history-merged";

    public bool Accepts(string eventType) => eventType is "product-viewed" or "product-added" or MergedType;

    public async Task ProjectAsync(int partition, IReadOnlyList<PartitionRecord> records, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<(string Product, string Shopper), DateTimeOffset>();
        foreach (var record in records)
        {
            var grain = GrainId.Parse(record.StreamId);
            if (grain.Type != "user")
            {
                continue;
            }

            if (record.EventType == MergedType)
            {
                Collect(JsonSerializer.Deserialize(record.Payload, ShopperJsonContext.Default.ShopperEvent), grain.Key, latest);
            }
            else if (JsonSerializer.Deserialize(record.Payload, ShopperEventFactsContext.Default.ShopperEventFacts) is { Product: { } product } facts)
            {
                // A view or a cart add (nearly every record): only its product and times are read.
                Watch(product.ProductId, grain.Key, facts.ReceivedAt == default ? facts.Timestamp : facts.ReceivedAt, latest);
            }
        }

        if (latest.Count == 0)
        {
            return;
        }

        if (!ownership.TryGetLocalLease(partition, out var lease))
        {
            throw new LeaseLostException(partition, -1);
        }

        var entries = latest.Select(static p => new WatchEntry(p.Key.Product, p.Key.Shopper, p.Value)).ToArray();
        await index.UpsertAsync(partition, lease.Epoch, entries, cancellationToken);
    }

    private static void Collect(ShopperEvent? e, string shopperKey, Dictionary<(string, string), DateTimeOffset> latest)
    {
        var productId = e switch
        {
            ProductViewed viewed => viewed.Product.ProductId,
            ProductAdded added => added.Product.ProductId,
            _ => null,
        };
        if (e is AnonymousHistoryMerged merged)
        {
            foreach (var past in merged.Events)
            {
                Collect(past, shopperKey, latest);
            }
        }
        else if (productId is not null)
        {
            Watch(productId, shopperKey, e!.ReceivedAt == default ? e.Timestamp : e.ReceivedAt, latest);
        }
    }

    private static void Watch(string productId, string shopperKey, DateTimeOffset at, Dictionary<(string, string), DateTimeOffset> latest)
    {
        if (!latest.TryGetValue((productId, shopperKey), out var known) || at > known)
        {
            latest[(productId, shopperKey)] = at;
        }
    }
}
