using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Api.Ingestion;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Api.Catalog;

/// <summary>
/// The store's catalog: title, category path, price, currency, stock and attributes per product. Written with a
/// write key, read with a read key. Products that events name before the catalog does exist already (created
/// lazily from what the events said); a catalog write completes them.
/// </summary>
public static class CatalogApi
{
    public const int MaxProductBytes = 64 * 1024;
    public const int MaxBulkBytes = 5 * 1024 * 1024;
    public const int MaxBulkProducts = 1000;

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/catalog/products").WithTags("Catalog");
        group.MapPut("/{productId}", PutAsync)
            .WithName("put-catalog-product")
            .WithSummary("Creates or replaces one product of the catalog (201 when new, 200 when replaced).")
            .Accepts<CatalogProductRequest>("application/json");
        group.MapPost("/", PostBulkAsync)
            .WithName("post-catalog-products")
            .WithSummary("Creates or replaces up to 1000 products; nothing is written unless every product is valid.")
            .Accepts<CatalogBulkRequest>("application/json");
        group.MapGet("/{productId}", GetAsync)
            .WithName("get-catalog-product")
            .WithSummary("A product as the catalog and shoppers' events know it.");
        return routes;
    }

    private static async Task<Results<Created<ProductInfo>, Ok<ProductInfo>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string productId, HttpContext http, IGrainFactory grains, ApiKeyAuthenticator auth)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        if (CatalogProductParser.CheckId(productId) is { } idProblem)
        {
            return Problems.Invalid("productId", idProblem);
        }

        var (body, tooLarge, invalid) = await ReadJsonAsync(http, MaxProductBytes);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        using (body)
        {
            var errors = new List<FieldError>();
            var entry = CatalogProductParser.Parse(body!.RootElement, "", errors);
            if (entry is null)
            {
                return Problems.Invalid(errors);
            }

            var result = await grains.GetGrain<IProductGrain>(productId).UpsertCatalogAsync(entry);
            return result.Created
                ? TypedResults.Created($"/v1/catalog/products/{Uri.EscapeDataString(productId)}", result.Product)
                : TypedResults.Ok(result.Product);
        }
    }

    private static async Task<Results<Ok<CatalogBulkResponse>, ValidationProblem, ProblemHttpResult>> PostBulkAsync(
        HttpContext http, IGrainFactory grains, ApiKeyAuthenticator auth)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var (body, tooLarge, invalid) = await ReadJsonAsync(http, MaxBulkBytes);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (invalid is not null)
        {
            return invalid;
        }

        using (body)
        {
            if (body!.RootElement.ValueKind != JsonValueKind.Object
                || !body.RootElement.TryGetProperty("products", out var products)
                || products.ValueKind != JsonValueKind.Array)
            {
                return Problems.Invalid("products", "is required: an array of products, each with a productId");
            }

            if (products.GetArrayLength() is 0 or > MaxBulkProducts)
            {
                return Problems.Invalid("products", $"must hold 1 to {MaxBulkProducts} products");
            }

            var errors = new List<FieldError>();
            var entries = new List<(string Id, CatalogEntry Entry)>();
            var index = 0;
            foreach (var product in products.EnumerateArray())
            {
                var path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"products[{index++}].");
                var id = product.ValueKind == JsonValueKind.Object && product.TryGetProperty("productId", out var idElement) && idElement.ValueKind == JsonValueKind.String
                    ? idElement.GetString()
                    : null;
                if (CatalogProductParser.CheckId(id) is { } idProblem)
                {
                    errors.Add(new FieldError(path + "productId", idProblem));
                }

                if (CatalogProductParser.Parse(product, path, errors) is { } entry && id is not null)
                {
                    entries.Add((id, entry));
                }
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var results = await Task.WhenAll(entries
                .DistinctBy(static e => e.Id, StringComparer.Ordinal)
                .Select(e => grains.GetGrain<IProductGrain>(e.Id).UpsertCatalogAsync(e.Entry)));
            return TypedResults.Ok(new CatalogBulkResponse(results.Length, results.Count(static r => r.Created)));
        }
    }

    private static async Task<Results<Ok<ProductInfo>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string productId, HttpContext http, IGrainFactory grains, ApiKeyAuthenticator auth)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        if (CatalogProductParser.CheckId(productId) is { } idProblem)
        {
            return Problems.Invalid("productId", idProblem);
        }

        return await grains.GetGrain<IProductGrain>(productId).GetInfoAsync() is { } info
            ? TypedResults.Ok(info)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Neither the catalog nor any event has named product '{productId}'.");
    }

    /// <summary>The body as JSON, or the 413 or 400 to answer.</summary>
    private static async Task<(JsonDocument? Body, ProblemHttpResult? TooLarge, ValidationProblem? Invalid)> ReadJsonAsync(HttpContext http, int limit)
    {
        var (bytes, length, tooLarge) = await RequestBody.ReadAsync(http.Request, limit, http.RequestAborted);
        if (tooLarge is not null)
        {
            return (null, tooLarge, null);
        }

        try
        {
            // A copy: the document keeps using the memory it was parsed from, and the pooled buffer goes back now.
            return (JsonDocument.Parse(bytes.AsSpan(0, length).ToArray()), null, null);
        }
        catch (JsonException ex)
        {
            return (null, null, Problems.Invalid("body", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})"));
        }
        finally
        {
            RequestBody.Return(bytes);
        }
    }
}
