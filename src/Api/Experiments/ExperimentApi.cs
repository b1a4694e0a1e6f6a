using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Api.Analytics;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Api.Triggers;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Experiments;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Api.Experiments;

/// <summary>
/// Experiments: definitions (write key; every change is a new version and reassigns nobody), assignments that
/// journal the exposure (read key, like recommendations), and results with honest statistics (read key).
/// </summary>
public static class ExperimentApi
{
    public static IEndpointRouteBuilder MapExperimentApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/experiments").WithTags("Experiments");
        group.MapPost("/", CreateAsync).WithName("create-experiment")
            .WithSummary("Defines an experiment at version 1: variants with weights summing to 100, targeting, conversion event, guardrails, personalization overrides.")
            .Accepts<object>("application/json");
        group.MapPut("/{key}", ReviseAsync).WithName("revise-experiment")
            .WithSummary("Records the next version; shoppers already assigned keep their variant. The control and existing variants cannot go.")
            .Accepts<object>("application/json");
        group.MapGet("/", ListAsync).WithName("list-experiments").WithSummary("The current version of every experiment.");
        group.MapGet("/{key}", GetAsync).WithName("get-experiment").WithSummary("An experiment with its version history and alerts.");
        group.MapGet("/{key}/assignment", AssignAsync).WithName("get-experiment-assignment")
            .WithSummary("The shopper's variant (deterministic, sticky through identity merge); journals an exposure once per experiment version.");
        group.MapGet("/{key}/results", ResultsAsync).WithName("get-experiment-results")
            .WithSummary("Per variant: exposures, conversions, rates, revenue and AOV with intervals; z-test, Welch, chance to beat control, SRM, sequential results, guardrails.");
        return routes;
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        using var body = await JsonObjectReader.ReadBodyAsync(http.Request, errors, http.RequestAborted);
        var spec = body is null ? null : ExperimentRequestParser.Parse(body.RootElement, null, null, errors);
        if (spec is null)
        {
            return Problems.Invalid(errors);
        }

        var change = await Registry(grains).CreateExperimentAsync(spec);
        return change.Stored is { } stored
            ? TypedResults.Json<object>(ExperimentViews.Experiment(stored), AnalyticsJson.Options, statusCode: StatusCodes.Status201Created)
            : Refused(change.Errors, change.Conflict, change.NotFound);
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> ReviseAsync(
        string key, HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var history = (await Registry(grains).GetCatalogAsync()).Experiments.GetValueOrDefault(key.ToLowerInvariant());
        if (history is null)
        {
            return NotFound("experiment", key);
        }

        var errors = new List<FieldError>();
        using var body = await JsonObjectReader.ReadBodyAsync(http.Request, errors, http.RequestAborted);
        var spec = body is null ? null : ExperimentRequestParser.Parse(body.RootElement, history[^1].Key, history[^1].Version + 1, errors);
        if (spec is null)
        {
            // A version other than the next one means the definition changed since the caller read it.
            return errors.Exists(static e => e.Field == "version")
                ? ExperimentApi.Refused(errors.Select(static e => new ValidationError(e.Field, e.Message)).ToArray(), conflict: true, notFound: false)
                : Problems.Invalid(errors);
        }

        var change = await Registry(grains).ReviseExperimentAsync(spec);
        return change.Stored is { } stored
            ? TypedResults.Json<object>(ExperimentViews.Experiment(stored), AnalyticsJson.Options)
            : Refused(change.Errors, change.Conflict, change.NotFound);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> ListAsync(HttpContext http, ApiKeyAuthenticator auth, ExperimentService experiments)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var live = await experiments.LiveAsync();
        return TypedResults.Json<object>(new { experiments = live.Current.Select(e => ExperimentViews.Experiment(e)) }, AnalyticsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> GetAsync(string key, HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var catalog = await Registry(grains).GetCatalogAsync();
        return catalog.Experiments.GetValueOrDefault(key.ToLowerInvariant()) is { } history
            ? TypedResults.Json<object>(ExperimentViews.Experiment(history[^1], history, catalog.Alerts), AnalyticsJson.Options)
            : NotFound("experiment", key);
    }

    private static async Task<Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult>> AssignAsync(
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

        var history = (await experiments.LiveAsync()).History(key);
        if (history.Count == 0)
        {
            return NotFound("experiment", key);
        }

        var current = history[^1];
        var (assignedTo, assignment) = await experiments.AssignAsync(current, shopper);
        return TypedResults.Json<object>(
            new
            {
                experiment = current.Key,
                version = current.Version,
                shopper = ShopperQuery.Describe(assignedTo),
                inExperiment = assignment.Variant is not null,
                variant = assignment.Variant,
                assignedVersion = assignment.AssignedVersion,
                assignedAt = assignment.AssignedAt,
                exposureLogged = assignment.ExposureLogged,
                overrides = assignment.Variant is { } variant ? current.OverridesFor(variant) : null,
            },
            AnalyticsJson.Options);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> ResultsAsync(
        string key, HttpContext http, ApiKeyAuthenticator auth, ExperimentService experiments, AnalyticsQueries queries, ExperimentAlerts alerts)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var history = (await experiments.LiveAsync()).History(key);
        if (history.Count == 0)
        {
            return NotFound("experiment", key);
        }

        ExperimentResults results;
        try
        {
            results = queries.Experiment(history);
        }
        catch (AnalyticsUnavailableException ex)
        {
            return AnalyticsApi.Unavailable(ex);
        }

        // Whoever looks first raises the alert; the registry keeps it once and sends it to the trigger streams.
        await alerts.RaiseAsync(results.Alerts);
        return TypedResults.Json<object>(
            new
            {
                experiment = history[^1].Key,
                version = history[^1].Version,
                conversionEvent = results.ConversionEvent,
                control = results.Report.Control,
                variants = results.Report.Variants,
                comparisons = results.Report.Comparisons,
                sampleRatio = results.Report.SampleRatio,
                guardrails = results.Guardrails,
                warnings = results.Report.Warnings,
                alerts = results.Alerts,
            },
            AnalyticsJson.Options);
    }

    private static IExperimentRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IExperimentRegistryGrain>(ExperimentCatalogCache.GrainKey);

    internal static ProblemHttpResult NotFound(string what, string key) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} '{key}'.");

    /// <summary>A refused change: 404 for an unknown key, 409 (naming the field) for a taken key or a stale version, else 400.</summary>
    internal static Results<JsonHttpResult<object>, ValidationProblem, ProblemHttpResult> Refused(IReadOnlyList<ValidationError> errors, bool conflict, bool notFound)
    {
        if (notFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: errors.Count > 0 ? errors[0].Message : null);
        }

        if (conflict)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(errors.ToProblemErrors())
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The request conflicts with what is stored.",
            });
        }

        return Problems.Invalid(errors.Select(static e => new FieldError(e.Field, e.Message)));
    }
}
