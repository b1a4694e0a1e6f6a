namespace Orleans.Personalization.Grains.Events;

/// <summary>Segment "Product List Filtered": the filters chosen on a product list.</summary>
public sealed record ProductListFiltered : ShopperEvent
{
    public string? ListId { get; init; }

    public string? Category { get; init; }

    public required IReadOnlyList<FilterSelection> Filters { get; init; }
}
