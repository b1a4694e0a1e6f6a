namespace Orleans.Personalization.Grains.State;

/// <summary>The shopper's current cart, built from Product Added / Product Removed, emptied by an order.</summary>
public sealed class Cart
{
    public const int MaxLines = 200;

    public List<CartLine> Lines { get; set; } = [];

    public string? Currency { get; set; }

    public long UpdatedAt { get; set; }

    public void Add(string productId, string? name, string? category, decimal? price, int quantity, string? currency, long atMs)
    {
        var line = Lines.Find(l => l.ProductId == productId);
        if (line is null)
        {
            if (Lines.Count >= MaxLines)
            {
                return;
            }

            line = new CartLine { ProductId = StringPool.Share(productId) };
            Lines.Add(line);
        }

        line.Quantity = (int)Math.Min((long)line.Quantity + quantity, int.MaxValue);
        line.Name = name ?? line.Name;
        line.Category = StringPool.ShareOrNull(category) ?? line.Category;
        line.Price = price ?? line.Price;
        line.UpdatedAt = Math.Max(line.UpdatedAt, atMs);
        Currency = currency ?? Currency;
        UpdatedAt = Math.Max(UpdatedAt, atMs);
    }

    /// <summary>Takes <paramref name="quantity"/> of a product out; no quantity takes the whole line.</summary>
    public void Remove(string productId, int? quantity, long atMs)
    {
        var line = Lines.Find(l => l.ProductId == productId);
        if (line is null)
        {
            return;
        }

        line.Quantity = quantity is { } q ? line.Quantity - q : 0;
        line.UpdatedAt = Math.Max(line.UpdatedAt, atMs);
        if (line.Quantity <= 0)
        {
            Lines.Remove(line);
        }

        UpdatedAt = Math.Max(UpdatedAt, atMs);
    }

    /// <summary>
    /// An order empties the cart of every line last changed at or before the order: lines added after it
    /// (possible when an older anonymous history is merged in) stay.
    /// </summary>
    public void CheckOut(long orderAtMs)
    {
        if (Lines.RemoveAll(l => l.UpdatedAt <= orderAtMs) > 0)
        {
            UpdatedAt = Math.Max(UpdatedAt, orderAtMs);
        }
    }

    public decimal Value() => Lines.Sum(l => (l.Price ?? 0) * l.Quantity);
}
