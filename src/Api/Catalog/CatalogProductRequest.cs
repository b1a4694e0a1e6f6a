using System.Text.Json;

namespace Orleans.Personalization.Api.Catalog;

/// <summary>The body of a catalog write (for the OpenAPI document; the handler reads the JSON itself to name bad fields).</summary>
public sealed record CatalogProductRequest(
    string Title,
    IReadOnlyList<string>? CategoryPath,
    decimal? Price,
    string? Currency,
    bool? InStock,
    IReadOnlyDictionary<string, JsonElement>? Attributes);
