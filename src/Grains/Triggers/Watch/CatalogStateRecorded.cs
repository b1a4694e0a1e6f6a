namespace Orleans.Personalization.Grains.Triggers.Watch;

/// <summary>The product's catalog state after an update.</summary>
public sealed record CatalogStateRecorded : ProductWatchEvent
{
    public decimal? Price { get; init; }

    public string? Currency { get; init; }

    public bool? InStock { get; init; }

    public string? Name { get; init; }

    public string? Category { get; init; }
}
