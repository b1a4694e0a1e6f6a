using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.State;

/// <summary>
/// The latest views of the <see cref="MaxProducts"/> most recently viewed products, at most
/// <see cref="MaxViewsPerProduct"/> each: enough for browse abandonment and the depth of interest.
/// </summary>
public sealed class ProductViewLog
{
    public const int MaxProducts = 20;
    public const int MaxViewsPerProduct = BrowseAbandonmentSettings.MaxMinViews;

    /// <summary>Most recently viewed last.</summary>
    public List<ProductViews> Products { get; set; } = [];

    /// <summary>Views of the product at or after <paramref name="fromMs"/>.</summary>
    public int CountSince(string productId, long fromMs) =>
        Find(productId)?.Times.Count(t => t >= fromMs) ?? 0;

    public ProductViews? Find(string productId) => Products.Find(p => p.ProductId == productId);

    public void AddView(string productId, long atMs)
    {
        var entry = Find(productId);
        if (entry is null)
        {
            entry = new ProductViews { ProductId = StringPool.Share(productId) };
            if (Products.Count >= MaxProducts)
            {
                Products.RemoveAt(0);
            }
        }
        else
        {
            Products.Remove(entry);
        }

        Products.Add(entry);
        // In time order, the oldest dropped past the limit.
        var earlier = entry.Times;
        var position = Array.FindLastIndex(earlier, t => t <= atMs) + 1;
        var times = new long[earlier.Length + 1];
        earlier.AsSpan(0, position).CopyTo(times);
        times[position] = atMs;
        earlier.AsSpan(position).CopyTo(times.AsSpan(position + 1));
        entry.Times = times.Length > MaxViewsPerProduct ? times[^MaxViewsPerProduct..] : times;
    }

    public void MarkAdded(string productId, long atMs)
    {
        if (Find(productId) is { } entry)
        {
            entry.AddedAt = Math.Max(entry.AddedAt, atMs);
        }
    }

    public void MarkFired(string productId)
    {
        if (Find(productId) is { } entry)
        {
            entry.FiredThrough = Math.Max(entry.FiredThrough, entry.LastViewAt);
        }
    }

    public ProductViewLog Clone() => new() { Products = Products.ConvertAll(static p => p.Clone()) };
}
