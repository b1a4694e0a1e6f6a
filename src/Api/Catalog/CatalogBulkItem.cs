using System.Text.Json;

namespace Orleans.Personalization.Api.Catalog;

/// <summary>One product of a bulk catalog write (for the OpenAPI document).</summary>
public sealed record CatalogBulkItem(
    string ProductId,
    string Title,
    IReadOnlyList<string>? CategoryPath,
    decimal? Price,
    string? Currency,
    bool? InStock,
    IReadOnlyDictionary<string, JsonElement>? Attributes);
