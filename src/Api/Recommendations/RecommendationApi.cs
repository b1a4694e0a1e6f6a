using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Api.Ingestion;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Api.Recommendations;

/// <summary>
/// Recommendations per placement (read key), and the impressions and clicks a store reports on them (write key,
/// like events): they are journaled with the shopper, keyed by the recommendation id, for CTR per placement and strategy.
/// </summary>
public static class RecommendationApi
{
    private const int MaxFeedbackBytes = 32 * 1024;

    public static IEndpointRouteBuilder MapRecommendationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/recommendations").WithTags("Recommendations");
        group.MapGet("/", GetAsync)
            .WithName("get-recommendations")
            .Produces<RecommendationResponse>()
            .WithSummary("Products for a placement (home, product_page, cart, order_confirmation, search), each with a reason, under one recommendation id.");
        group.MapPost("/{recommendationId}/impressions", (string recommendationId, HttpContext http, RecommendationService service, ApiKeyAuthenticator auth, TimeProvider time) =>
                FeedbackAsync(recommendationId, FeedbackKind.Impression, http, service, auth, time))
            .WithName("post-recommendation-impressions")
            .WithSummary("Reports that products of a recommendation were shown.")
            .Accepts<ImpressionsRequest>("application/json");
        group.MapPost("/{recommendationId}/clicks", (string recommendationId, HttpContext http, RecommendationService service, ApiKeyAuthenticator auth, TimeProvider time) =>
                FeedbackAsync(recommendationId, FeedbackKind.Click, http, service, auth, time))
            .WithName("post-recommendation-click")
            .WithSummary("Reports that the shopper clicked a product of a recommendation.")
            .Accepts<ClickRequest>("application/json");
        return routes;
    }

    private static async Task<Results<JsonHttpResult<RecommendationResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        HttpContext http,
        RecommendationService service,
        ApiKeyAuthenticator auth,
        string? placement = null,
        string? userId = null,
        string? anonymousId = null,
        string? productId = null,
        string? cart = null,
        string? count = null,
        string? category = null,
        string? minPrice = null,
        string? maxPrice = null,
        string? inStock = null,
        string? exclude = null,
        string? q = null,
        string? includePurchased = null)
    {
        // The parameters above describe the query in the OpenAPI document; the parser reads the raw query to name bad ones.
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        var query = RecommendationQueryParser.Parse(http.Request.Query, errors);
        return query is null
            ? Problems.Invalid(errors)
            : TypedResults.Json(await service.RecommendAsync(query), RecommendationApiJsonContext.Default.RecommendationResponse);
    }

    private static async Task<Results<Ok<FeedbackResponse>, ValidationProblem, ProblemHttpResult>> FeedbackAsync(
        string recommendationId, FeedbackKind kind, HttpContext http, RecommendationService service, ApiKeyAuthenticator auth, TimeProvider time)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var (body, length, tooLarge) = await RequestBody.ReadAsync(http.Request, MaxFeedbackBytes, http.RequestAborted);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        RecommendationFeedback? feedback;
        var errors = new List<FieldError>();
        try
        {
            using var document = JsonDocument.Parse(body.AsMemory(0, length));
            feedback = FeedbackParser.Parse(recommendationId, kind, document.RootElement, time.GetUtcNow(), errors);
        }
        catch (JsonException ex)
        {
            return Problems.Invalid("body", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }
        finally
        {
            RequestBody.Return(body);
        }

        if (feedback is null)
        {
            return Problems.Invalid(errors);
        }

        var result = await service.RecordFeedbackAsync(feedback);
        return TypedResults.Ok(new FeedbackResponse(result.Accepted, result.Duplicates));
    }
}
