using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Personalization.Analytics.Attribution;
using Orleans.Personalization.Analytics.Funnels;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Api.Triggers;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Analytics;

/// <summary>
/// Conversion analytics over all shoppers, answered by this silo's read model of the journal (read key): the
/// store's key rates, funnels, attribution, and how far the read model has read.
/// </summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/analytics").WithTags("Analytics");
        group.MapGet("/metrics", MetricsAsync)
            .WithName("get-metrics")
            .WithSummary("Conversion, add-to-cart, AOV, revenue per session and shopper, bounce, sessions per shopper and recommendation CTR, per time bucket and breakdown.");
        group.MapPost("/funnels", FunnelAsync)
            .WithName("post-funnel")
            .WithSummary("A funnel of 1 to 20 steps (ordered, strict or unordered) with a conversion window, exclusions and a breakdown; unique people per step.")
            .Accepts<object>("application/json");
        group.MapGet("/attribution", AttributionFromQuery)
            .WithName("get-attribution")
            .WithSummary("Revenue and conversions credited to channels by first touch, last touch, linear, time decay or position based (40/20/40).");
        group.MapPost("/attribution", AttributionFromBodyAsync)
            .WithName("post-attribution")
            .WithSummary("The attribution query with a JSON body (the same fields as the query string).")
            .Accepts<object>("application/json");
        group.MapGet("/status", Status)
            .WithName("get-analytics-status")
            .WithSummary("How much of the journal this silo's analytics read model holds.");
        return routes;
    }

    private static Results<JsonHttpResult<MetricsSeries>, ValidationProblem, ProblemHttpResult> MetricsAsync(
        HttpContext http, ApiKeyAuthenticator auth, AnalyticsQueries queries, TimeProvider time,
        string? from = null, string? to = null, string? granularity = null, string? breakdown = null)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        var request = MetricsQueryParser.Parse(http.Request.Query, time.GetUtcNow(), errors);
        return request is null ? Problems.Invalid(errors) : Answer(() => queries.Metrics(request));
    }

    private static async Task<Results<JsonHttpResult<FunnelResult>, ValidationProblem, ProblemHttpResult>> FunnelAsync(
        HttpContext http, ApiKeyAuthenticator auth, AnalyticsQueries queries, TimeProvider time)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        using var body = await JsonObjectReader.ReadBodyAsync(http.Request, errors, http.RequestAborted);
        var request = body is null ? null : FunnelRequestParser.Parse(body.RootElement, time.GetUtcNow(), errors);
        return request is not { } funnel ? Problems.Invalid(errors) : Answer(() => queries.Funnel(funnel.Definition, funnel.Range));
    }

    private static Results<JsonHttpResult<AttributionReport>, ValidationProblem, ProblemHttpResult> AttributionFromQuery(
        HttpContext http, ApiKeyAuthenticator auth, AnalyticsQueries queries, TimeProvider time,
        string? model = null, string? lookback = null, string? halfLife = null, string? dimension = null, string? conversionEvent = null, string? from = null, string? to = null)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        var request = AttributionRequestParser.Parse(http.Request.Query, time.GetUtcNow(), errors);
        return request is not { } query ? Problems.Invalid(errors) : Answer(() => queries.Attribution(query.Options, query.Range));
    }

    private static async Task<Results<JsonHttpResult<AttributionReport>, ValidationProblem, ProblemHttpResult>> AttributionFromBodyAsync(
        HttpContext http, ApiKeyAuthenticator auth, AnalyticsQueries queries, TimeProvider time)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        using var body = await JsonObjectReader.ReadBodyAsync(http.Request, errors, http.RequestAborted);
        var request = body is null ? null : AttributionRequestParser.Parse(body.RootElement, time.GetUtcNow(), errors);
        return request is not { } query ? Problems.Invalid(errors) : Answer(() => queries.Attribution(query.Options, query.Range));
    }

    private static Results<JsonHttpResult<AnalyticsStatus>, ProblemHttpResult> Status(HttpContext http, ApiKeyAuthenticator auth, AnalyticsQueries queries)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        try
        {
            return TypedResults.Json(queries.Status(), AnalyticsJson.Options);
        }
        catch (AnalyticsUnavailableException ex)
        {
            return Unavailable(ex);
        }
    }

    /// <summary>Runs a query; a silo without the read model answers 503 naming the reason.</summary>
    private static Results<JsonHttpResult<T>, ValidationProblem, ProblemHttpResult> Answer<T>(Func<T> query)
    {
        try
        {
            return TypedResults.Json(query(), AnalyticsJson.Options);
        }
        catch (AnalyticsUnavailableException ex)
        {
            return Unavailable(ex);
        }
    }

    internal static ProblemHttpResult Unavailable(AnalyticsUnavailableException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Analytics unavailable", detail: ex.Message);
}
