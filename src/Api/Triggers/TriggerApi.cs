using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Triggers;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>Real-time triggers: their settings (write key to change), the list of recent ones, and the SSE stream (read key).</summary>
public static class TriggerApi
{
    private const int MaxListLimit = 1000;

    public static IEndpointRouteBuilder MapTriggerApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/triggers").WithTags("Triggers");
        group.MapGet("/settings", GetSettingsAsync)
            .WithName("get-trigger-settings")
            .WithSummary("Every trigger's settings: on/off, delays, thresholds, the holdout share.");
        group.MapMethods("/settings", ["PATCH"], PatchSettingsAsync)
            .WithName("patch-trigger-settings")
            .WithSummary("Changes the given settings (others stay); bad fields answer a problem naming each one.");
        group.MapGet("/", ListAsync)
            .WithName("list-triggers")
            .WithSummary("Triggers in the outbox after a position (holdout ones only when asked), oldest first.");
        group.MapGet("/stream", StreamAsync)
            .WithName("stream-triggers")
            .WithSummary("Server-Sent Events of new triggers, filtered by type; resumes after Last-Event-ID without gaps.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return routes;
    }

    private static async Task<Results<Ok<TriggerSettings>, ProblemHttpResult>> GetSettingsAsync(HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var current = await grains.GetGrain<ITriggerSettingsGrain>(TriggerSettingsCache.GrainKey).GetAsync();
        return TypedResults.Ok(current.Settings);
    }

    private static async Task<Results<Ok<TriggerSettings>, ValidationProblem, ProblemHttpResult>> PatchSettingsAsync(
        HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        using var body = await JsonObjectReader.ReadBodyAsync(http.Request, errors, http.RequestAborted);
        if (body is null)
        {
            return Problems.Invalid(errors);
        }

        var grain = grains.GetGrain<ITriggerSettingsGrain>(TriggerSettingsCache.GrainKey);
        var current = await grain.GetAsync();
        var changed = TriggerSettingsPatch.Apply(current.Settings, body.RootElement, new JsonObjectReader(errors));
        errors.AddRange(errors.Count == 0 ? TriggerSettingsValidator.Validate(changed) : []);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var saved = await grain.UpdateAsync(changed);
        return TypedResults.Ok(saved.Settings);
    }

    private static async Task<Results<Ok<TriggerPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        HttpContext http, ApiKeyAuthenticator auth, IServiceProvider services, long? after, int? limit, bool? includeHoldout)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        var types = TriggerTypeFilter.Parse(http.Request, errors);
        if (after < 0)
        {
            errors.Add(new FieldError("after", "must be zero or more"));
        }

        if (limit is < 1 or > MaxListLimit)
        {
            errors.Add(new FieldError("limit", $"must be between 1 and {MaxListLimit}"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (services.GetService<IOutboxStore>() is not { } outbox)
        {
            return NoOutbox();
        }

        var entries = await outbox.ReadAsync(after ?? 0, limit ?? 100, types, includeHoldout ?? false, http.RequestAborted);
        var items = entries.Select(static e => new TriggerPageItem(e.Sequence, JsonDocument.Parse(e.Payload).RootElement)).ToArray();
        return TypedResults.Ok(new TriggerPage(items, entries.Count > 0 ? entries[^1].Sequence : after ?? 0));
    }

    private static async Task StreamAsync(HttpContext http, ApiKeyAuthenticator auth, IServiceProvider services)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            await denied.ExecuteAsync(http);
            return;
        }

        var errors = new List<FieldError>();
        var types = TriggerTypeFilter.Parse(http.Request, errors);
        var lastEventId = http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? http.Request.Query["lastEventId"].FirstOrDefault();
        long? resumeAfter = null;
        if (!string.IsNullOrWhiteSpace(lastEventId))
        {
            if (long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                resumeAfter = parsed;
            }
            else
            {
                errors.Add(new FieldError("Last-Event-ID", "must be the id of an event from this stream (a whole number, zero or more)"));
            }
        }

        if (errors.Count > 0)
        {
            await Problems.Invalid(errors).ExecuteAsync(http);
            return;
        }

        if (services.GetService<IOutboxStore>() is not { } outbox)
        {
            await NoOutbox().ExecuteAsync(http);
            return;
        }

        // Without Last-Event-ID the stream starts now: only triggers appended from here on.
        var cursor = resumeAfter ?? await outbox.LastSequenceAsync(http.RequestAborted);
        var stream = ActivatorUtilities.CreateInstance<TriggerStream>(services);
        await stream.WriteAsync(http.Response, cursor, types, http.RequestAborted);
    }

    internal static ProblemHttpResult NoOutbox() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Trigger delivery is unavailable",
        detail: "The configured storage provider has no trigger outbox yet; triggers are journaled and will be delivered once it has.");
}
