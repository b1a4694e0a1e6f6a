namespace Orleans.Personalization.Api.Catalog;

/// <summary>The body of a bulk catalog write (for the OpenAPI document).</summary>
public sealed record CatalogBulkRequest(IReadOnlyList<CatalogBulkItem> Products);
