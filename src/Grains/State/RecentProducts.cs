namespace Orleans.Personalization.Grains.State;

/// <summary>The last <see cref="MaxProducts"/> distinct products viewed, latest first (ordered by event time).</summary>
public sealed class RecentProducts
{
    public const int MaxProducts = 20;

    public List<ViewedProduct> Items { get; set; } = [];

    public void Add(string productId, string? category, decimal? price, long atMs)
    {
        var existing = Items.FindIndex(p => p.ProductId == productId);
        if (existing >= 0)
        {
            if (Items[existing].At > atMs)
            {
                return;
            }

            Items.RemoveAt(existing);
        }

        var position = Items.FindIndex(p => p.At <= atMs);
        var item = new ViewedProduct { ProductId = StringPool.Share(productId), Category = StringPool.ShareOrNull(category), Price = price, At = atMs };
        Items.Insert(position < 0 ? Items.Count : position, item);
        if (Items.Count > MaxProducts)
        {
            Items.RemoveAt(Items.Count - 1);
        }
    }
}
