using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Api.Analytics;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Api.Triggers;
using Orleans.Personalization.Grains.Experiments;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Api.Experiments;

/// <summary>Feature flags: definitions (write key, versioned) and server-side evaluation for a shopper (read key).</summary>
public static class FlagApi
{
    public static IEndpointRouteBuilder MapFlagApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/flags").WithTags("Feature flags");
        group.MapPost("/", CreateAsync).WithName("create-flag")
            .WithSummary("Defines a flag: on for targeted shoppers within a rollout percentage.").Accepts<object>("application/json");
        group.MapPut("/{key}", ReviseAsync).WithName("revise-flag")
            .WithSummary("Records the next version; raising the rollout keeps everyone who had it on.").Accepts<object>("application/json");
        group.MapGet("/", ListAsync).WithName("list-flags").WithSummary("The current version of every flag.");
        group.MapGet("/evaluations", EvaluateAllAsync).WithName("evaluate-flags").WithSummary("Every flag, on or off for the shopper.");
        group.MapGet("/{key}", GetAsync).WithName("get-flag").WithSummary("A flag's current version.");
        group.MapGet("/{key}/evaluation", EvaluateAsync).WithName("evaluate-flag").WithSummary("Whether the flag is on for the shopper, evaluated on its live profile.");
        return routes;
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        using var body = await JsonObjectReader.ReadBodyAsync(http.Request, errors, http.RequestAborted);
        var spec = body is null ? null : FlagRequestParser.Parse(body.RootElement, null, null, errors);
        if (spec is null)
        {
            return Problems.Invalid(errors);
        }

        var change = await Registry(grains).CreateFlagAsync(spec);
        return change.Stored is { } stored
            ? TypedResults.Json<object>(ExperimentViews.Flag(stored), AnalyticsJson.Options, statusCode: StatusCodes.Status201Created)
            : ExperimentApi.Refused(change.Errors, change.Conflict, change.NotFound);
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> ReviseAsync(string key, HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var history = (await Registry(grains).GetCatalogAsync()).Flags.GetValueOrDefault(key.ToLowerInvariant());
        if (history is null)
        {
            return ExperimentApi.NotFound("flag", key);
        }

        var errors = new List<FieldError>();
        using var body = await JsonObjectReader.ReadBodyAsync(http.Request, errors, http.RequestAborted);
        var spec = body is null ? null : FlagRequestParser.Parse(body.RootElement, history[^1].Flag.Key, history[^1].Version + 1, errors);
        if (spec is null)
        {
            // A version other than the next one means the definition changed since the caller read it.
            return errors.Exists(static e => e.Field == "version")
                ? ExperimentApi.Refused(errors.Select(static e => new ValidationError(e.Field, e.Message)).ToArray(), conflict: true, notFound: false)
                : Problems.Invalid(errors);
        }

        var change = await Registry(grains).ReviseFlagAsync(spec);
        return change.Stored is { } stored
            ? TypedResults.Json<object>(ExperimentViews.Flag(stored), AnalyticsJson.Options)
            : ExperimentApi.Refused(change.Errors, change.Conflict, change.NotFound);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> ListAsync(HttpContext http, ApiKeyAuthenticator auth, ExperimentService experiments)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var live = await experiments.LiveAsync();
        return TypedResults.Json<object>(new { flags = live.CurrentFlags.Select(ExperimentViews.Flag) }, AnalyticsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> GetAsync(string key, HttpContext http, ApiKeyAuthenticator auth, ExperimentService experiments)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var history = (await experiments.LiveAsync()).FlagHistory(key);
        return history.Count == 0 ? ExperimentApi.NotFound("flag", key) : TypedResults.Json<object>(ExperimentViews.Flag(history[^1]), AnalyticsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> EvaluateAsync(
        string key, HttpContext http, ApiKeyAuthenticator auth, ExperimentService experiments, string? userId = null, string? anonymousId = null)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        var shopper = ShopperQuery.Parse(userId, anonymousId, errors);
        if (shopper is null)
        {
            return Problems.Invalid(errors);
        }

        var history = (await experiments.LiveAsync()).FlagHistory(key);
        if (history.Count == 0)
        {
            return ExperimentApi.NotFound("flag", key);
        }

        var (evaluatedFor, flags) = await experiments.EvaluateAsync([history[^1]], shopper);
        return TypedResults.Json<object>(
            new { flag = history[^1].Flag.Key, version = history[^1].Version, shopper = ShopperQuery.Describe(evaluatedFor), enabled = flags[history[^1].Flag.Key] },
            AnalyticsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> EvaluateAllAsync(
        HttpContext http, ApiKeyAuthenticator auth, ExperimentService experiments, string? userId = null, string? anonymousId = null)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        var shopper = ShopperQuery.Parse(userId, anonymousId, errors);
        if (shopper is null)
        {
            return Problems.Invalid(errors);
        }

        var (evaluatedFor, flags) = await experiments.EvaluateAsync((await experiments.LiveAsync()).CurrentFlags, shopper);
        return TypedResults.Json<object>(new { shopper = ShopperQuery.Describe(evaluatedFor), flags }, AnalyticsJson.Options);
    }

    private static IExperimentRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IExperimentRegistryGrain>(ExperimentCatalogCache.GrainKey);
}
