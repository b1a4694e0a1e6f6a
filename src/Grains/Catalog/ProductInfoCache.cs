using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Recommendations;

namespace Orleans.Personalization.Grains.Catalog;

/// <summary>
/// This silo's copy of product info (category, price, stock, title), so ranking dozens of candidates needs no
/// grain call each. Product grains on this silo write through on every change; entries for products living on
/// other silos are refreshed after <see cref="RecommendationOptions.ProductInfoTtl"/>. Bounded: past the limit
/// it starts afresh (it is only a cache).
/// </summary>
public sealed class ProductInfoCache(IOptions<RecommendationOptions> options, TimeProvider timeProvider)
{
    private const int MaxEntries = 1_000_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly long _ttlTicks = (long)(options.Value.ProductInfoTtl.TotalSeconds * timeProvider.TimestampFrequency);

    public int Count => _entries.Count;

    /// <summary>Stores what a product grain knows (null: nothing is known about the product).</summary>
    public void Set(string productId, ProductInfo? info)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[productId] = new Entry(info, timeProvider.GetTimestamp());
    }

    /// <summary>True when an entry exists; <paramref name="fresh"/> says whether it is within its time to live.</summary>
    public bool TryGet(string productId, out ProductInfo? info, out bool fresh)
    {
        if (_entries.TryGetValue(productId, out var entry))
        {
            info = entry.Info;
            fresh = timeProvider.GetTimestamp() - entry.StoredAt < _ttlTicks;
            return true;
        }

        info = null;
        fresh = false;
        return false;
    }

    private sealed record Entry(ProductInfo? Info, long StoredAt);
}
