namespace Orleans.Personalization.Api.Catalog;

/// <summary>The answer to a bulk catalog write: products written, of which new to the catalog.</summary>
public sealed record CatalogBulkResponse(int Upserted, int Created);
