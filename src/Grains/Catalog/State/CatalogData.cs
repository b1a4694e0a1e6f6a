using System.Text.Json;
using Orleans.Personalization.Grains.Catalog.Events;
using Orleans.Personalization.Grains.Interfaces.Catalog;

namespace Orleans.Personalization.Grains.Catalog.State;

/// <summary>The store's catalog entry as last written.</summary>
public sealed class CatalogData
{
    public string Title { get; set; } = "";

    public List<string> CategoryPath { get; set; } = [];

    public decimal? Price { get; set; }

    public string? Currency { get; set; }

    public bool InStock { get; set; }

    public Dictionary<string, JsonElement> Attributes { get; set; } = [];

    public long UpdatedAt { get; set; }

    /// <summary>Whether the entry says exactly what is stored (a repeated PUT then writes nothing).</summary>
    public bool Matches(CatalogEntry entry) =>
        Title == entry.Title
        && CategoryPath.SequenceEqual(entry.CategoryPath, StringComparer.Ordinal)
        && Price == entry.Price
        && Currency == entry.Currency
        && InStock == entry.InStock
        && Attributes.Count == entry.Attributes.Count
        && entry.Attributes.All(a => Attributes.TryGetValue(a.Key, out var stored) && stored.GetRawText() == a.Value.GetRawText());

    public static CatalogData From(ProductCatalogued catalogued) => new()
    {
        Title = catalogued.Title,
        CategoryPath = catalogued.CategoryPath.ToList(),
        Price = catalogued.Price,
        Currency = catalogued.Currency,
        InStock = catalogued.InStock,
        Attributes = catalogued.Attributes.ToDictionary(StringComparer.Ordinal),
        UpdatedAt = catalogued.Timestamp.ToUnixTimeMilliseconds(),
    };
}
