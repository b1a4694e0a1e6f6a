using System.Text.Json;

namespace Orleans.Personalization.Grains.Interfaces.Catalog;

/// <summary>A product as the store's catalog describes it (validated by the API before it gets here).</summary>
public sealed record CatalogEntry(
    string Title,
    IReadOnlyList<string> CategoryPath,
    decimal? Price,
    string? Currency,
    bool InStock,
    IReadOnlyDictionary<string, JsonElement> Attributes);
