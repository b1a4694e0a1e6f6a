namespace Orleans.Personalization.Grains.State;

/// <summary>One product in the cart and when its line last changed (Unix ms).</summary>
public sealed class CartLine
{
    public string ProductId { get; set; } = "";

    public string? Name { get; set; }

    public string? Category { get; set; }

    public decimal? Price { get; set; }

    public int Quantity { get; set; }

    public long UpdatedAt { get; set; }
}
