namespace Orleans.Personalization.Grains.State;

/// <summary>One product's recent view times (Unix ms, oldest first), when it was last carted, and what a trigger used up.</summary>
public sealed class ProductViews
{
    public string ProductId { get; set; } = "";

    /// <summary>An exact-size array (replaced on each view, at most a handful of times), not a list with spare room: one per viewed product per shopper.</summary>
    public long[] Times { get; set; } = [];

    /// <summary>When it was last added to the cart (or bought); views before it do not count towards browse abandonment.</summary>
    public long AddedAt { get; set; }

    /// <summary>Views up to this time were used by a browse abandonment trigger.</summary>
    public long FiredThrough { get; set; }

    public long LastViewAt => Times.Length == 0 ? 0 : Times[^1];

    public ProductViews Clone() => new() { ProductId = ProductId, Times = (long[])Times.Clone(), AddedAt = AddedAt, FiredThrough = FiredThrough };
}
