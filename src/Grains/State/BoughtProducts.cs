namespace Orleans.Personalization.Grains.State;

/// <summary>The last <see cref="MaxProducts"/> distinct products bought, oldest first, so recommendations can leave them out.</summary>
public sealed class BoughtProducts
{
    public const int MaxProducts = 100;

    public List<string> ProductIds { get; set; } = [];

    public void Add(string productId)
    {
        ProductIds.Remove(productId);
        ProductIds.Add(StringPool.Share(productId));
        if (ProductIds.Count > MaxProducts)
        {
            ProductIds.RemoveAt(0);
        }
    }
}
