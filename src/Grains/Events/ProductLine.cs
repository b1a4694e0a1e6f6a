namespace Orleans.Personalization.Grains.Events;

/// <summary>A product as Segment's e-commerce spec describes it in properties or in a products array.</summary>
public sealed record ProductLine(
    string ProductId,
    string? Sku = null,
    string? Name = null,
    string? Category = null,
    string? Brand = null,
    string? Variant = null,
    decimal? Price = null,
    int? Quantity = null);
