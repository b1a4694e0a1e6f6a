using System.Text.Json;

namespace Orleans.Personalization.Grains.Catalog.Events;

/// <summary>The store's catalog entry for the product was created or replaced.</summary>
public sealed record ProductCatalogued : ProductEvent
{
    public required string Title { get; init; }

    public IReadOnlyList<string> CategoryPath { get; init; } = [];

    public decimal? Price { get; init; }

    public string? Currency { get; init; }

    public bool InStock { get; init; }

    public IReadOnlyDictionary<string, JsonElement> Attributes { get; init; } = new Dictionary<string, JsonElement>();
}
