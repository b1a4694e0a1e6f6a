using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Recommendations;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Placement;

namespace Orleans.Personalization.Grains.Catalog;

/// <summary>
/// This silo's copy of product info (category, price, stock, title), so ranking dozens of candidates needs no
/// grain call each. Product grains on this silo write through on every change, so their entries never go stale;
/// entries for products living on other silos are refreshed after <see cref="RecommendationOptions.ProductInfoTtl"/>,
/// by one caller only. Bounded: past the limit it starts afresh (it is only a cache).
/// </summary>
public sealed class ProductInfoCache(
    IOptions<RecommendationOptions> options,
    PartitionMap partitions,
    IPartitionOwnership ownership,
    TimeProvider timeProvider)
{
    private const int MaxEntries = 1_000_000;
    private static readonly string ProductGrainType = GrainTypeRegistry.TypeNameOf(typeof(IProductGrain));
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

    /// <summary>The info held for a product, if any, without looking at its age (ranking reads many per request).</summary>
    public bool TryPeek(string productId, out ProductInfo? info)
    {
        var found = _entries.TryGetValue(productId, out var entry);
        info = entry?.Info;
        return found;
    }

    /// <summary>
    /// True when an entry exists. <paramref name="fresh"/> is false for the one caller that finds it past its time to
    /// live (it should fetch it again); the entry's clock restarts, so others keep using it meanwhile.
    /// </summary>
    /// <remarks><paramref name="now"/> is <see cref="Now"/>, read once for many look-ups.</remarks>
    public bool TryGet(string productId, long now, out ProductInfo? info, out bool fresh)
    {
        if (!_entries.TryGetValue(productId, out var entry))
        {
            info = null;
            fresh = false;
            return false;
        }

        info = entry.Info;
        fresh = now - entry.StoredAt < _ttlTicks
            || !_entries.TryUpdate(productId, entry with { StoredAt = now }, entry)
            || IsLocal(productId);
        return true;
    }

    /// <summary>The cache's clock.</summary>
    public long Now => timeProvider.GetTimestamp();

    /// <summary>Whether the product's grain lives on this silo (and so writes its changes through).</summary>
    private bool IsLocal(string productId) =>
        ownership.IsServing(partitions.PartitionOf(new GrainId(ProductGrainType, productId)));

    private sealed record Entry(ProductInfo? Info, long StoredAt);
}
