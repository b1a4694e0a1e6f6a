using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Grains.Webhooks;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Triggers.Webhooks;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>
/// Webhook subscriptions (write key to change, read key to read) and their delivery logs. A secret is
/// shown once, in the answer that creates the subscription, and never again.
/// </summary>
public static class WebhookApi
{
    private const int MaxPage = 1000;

    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/webhooks").WithTags("Webhooks")
            .AddEndpointFilter(static async (context, next) =>
                context.HttpContext.RequestServices.GetService<IDeliveryStore>() is null ? TriggerApi.NoOutbox() : await next(context));
        group.MapPost("/", CreateAsync).WithName("create-webhook")
            .WithSummary("Subscribes a URL to trigger types; answers the signing secret, once.");
        group.MapGet("/", ListAsync).WithName("list-webhooks").WithSummary("Every subscription, without secrets.");
        group.MapGet("/{id}", GetAsync).WithName("get-webhook").WithSummary("One subscription, without its secret.");
        group.MapMethods("/{id}", ["PATCH"], UpdateAsync).WithName("update-webhook")
            .WithSummary("Changes URL, types, secret, enabled or maxAttempts; the others stay.");
        group.MapDelete("/{id}", DeleteAsync).WithName("delete-webhook").WithSummary("Deletes a subscription and its delivery log.");
        group.MapGet("/{id}/deliveries", ListDeliveriesAsync).WithName("list-webhook-deliveries")
            .WithSummary("The delivery log, oldest first, optionally of one status (pending, delivered, dead).");
        group.MapGet("/{id}/deliveries/{sequence:long}", GetDeliveryAsync).WithName("get-webhook-delivery")
            .WithSummary("One delivery with every attempt and the trigger it carries.");
        group.MapPost("/{id}/deliveries/{sequence:long}/redeliver", RedeliverAsync).WithName("redeliver-webhook-delivery")
            .WithSummary("Queues one delivery again with a fresh attempt budget.");
        group.MapPost("/{id}/dead-letters/redeliver", RedeliverDeadAsync).WithName("redeliver-webhook-dead-letters")
            .WithSummary("Queues every dead letter of the subscription again.");
        return routes;
    }

    private static async Task<Results<Created<CreatedWebhook>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains, WebhookUrlPolicy policy)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        using var body = await JsonObjectReader.ReadBodyAsync(http.Request, errors, http.RequestAborted);
        var spec = body is null ? null : WebhookRequest.ReadCreate(body.RootElement, policy, errors);
        if (spec is null)
        {
            return Problems.Invalid(errors);
        }

        var id = WebhookRequest.NewId();
        var created = await grains.GetGrain<IWebhookSubscriptionGrain>(id).CreateAsync(spec)
            ?? throw new InvalidOperationException($"The new webhook id {id} was taken.");
        await grains.GetGrain<IWebhookRegistryGrain>(WebhookRegistryGrain.Key).AddAsync(id);
        return TypedResults.Created($"/v1/webhooks/{id}", CreatedWebhook.From(created, spec.Secret));
    }

    private static async Task<Results<Ok<WebhookList>, ProblemHttpResult>> ListAsync(HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var ids = await grains.GetGrain<IWebhookRegistryGrain>(WebhookRegistryGrain.Key).ListAsync();
        var found = new List<WebhookSubscription>(ids.Count);
        foreach (var id in ids)
        {
            if (await grains.GetGrain<IWebhookSubscriptionGrain>(id).GetAsync() is { } subscription)
            {
                found.Add(subscription);
            }
        }

        return TypedResults.Ok(new WebhookList(found));
    }

    private static async Task<Results<Ok<WebhookSubscription>, ProblemHttpResult>> GetAsync(string id, HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        return await grains.GetGrain<IWebhookSubscriptionGrain>(id).GetAsync() is { } subscription
            ? TypedResults.Ok(subscription)
            : NotFound(id);
    }

    private static async Task<Results<Ok<WebhookSubscription>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains, WebhookUrlPolicy policy)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        using var body = await JsonObjectReader.ReadBodyAsync(http.Request, errors, http.RequestAborted);
        var change = body is null ? null : WebhookRequest.ReadChange(body.RootElement, policy, errors);
        if (change is null)
        {
            return Problems.Invalid(errors);
        }

        return await grains.GetGrain<IWebhookSubscriptionGrain>(id).UpdateAsync(change) is { } updated
            ? TypedResults.Ok(updated)
            : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var deleted = await grains.GetGrain<IWebhookSubscriptionGrain>(id).DeleteAsync();
        await grains.GetGrain<IWebhookRegistryGrain>(WebhookRegistryGrain.Key).RemoveAsync(id);
        return deleted ? TypedResults.NoContent() : NotFound(id);
    }

    private static async Task<Results<Ok<DeliveryPage>, ValidationProblem, ProblemHttpResult>> ListDeliveriesAsync(
        string id, HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains, IServiceProvider services, string? status, long? after, int? limit)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var errors = new List<FieldError>();
        DeliveryStatus? wanted = status switch
        {
            null or "" => null,
            "pending" => DeliveryStatus.Pending,
            "delivered" => DeliveryStatus.Delivered,
            "dead" => DeliveryStatus.Dead,
            _ => Invalid<DeliveryStatus?>(errors, "status", "must be pending, delivered or dead"),
        };
        if (after < 0)
        {
            errors.Add(new FieldError("after", "must be zero or more"));
        }

        if (limit is < 1 or > MaxPage)
        {
            errors.Add(new FieldError("limit", $"must be between 1 and {MaxPage}"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await grains.GetGrain<IWebhookSubscriptionGrain>(id).GetAsync() is null)
        {
            return NotFound(id);
        }

        var records = await services.GetRequiredService<IDeliveryStore>()
            .ListAsync(WebhookSubscribers.SubscriberOf(id), wanted, after ?? 0, limit ?? 100, http.RequestAborted);
        return TypedResults.Ok(new DeliveryPage(records.Select(DeliveryView.From).ToArray(), records.Count > 0 ? records[^1].Sequence : after ?? 0));
    }

    private static async Task<Results<Ok<DeliveryDetail>, ProblemHttpResult>> GetDeliveryAsync(
        string id, long sequence, HttpContext http, ApiKeyAuthenticator auth, IServiceProvider services)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Read, http) is { } denied)
        {
            return denied;
        }

        var deliveries = services.GetRequiredService<IDeliveryStore>();
        var subscriber = WebhookSubscribers.SubscriberOf(id);
        if (await deliveries.ReadAsync(subscriber, sequence, http.RequestAborted) is not { } record)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Webhook {id} has no delivery {sequence}.");
        }

        var attempts = await deliveries.ReadAttemptsAsync(subscriber, sequence, http.RequestAborted);
        var entry = await services.GetRequiredService<IOutboxStore>().ReadOneAsync(sequence, http.RequestAborted);
        JsonElement? trigger = entry is null ? null : JsonDocument.Parse(entry.Payload).RootElement;
        return TypedResults.Ok(new DeliveryDetail(DeliveryView.From(record), attempts.Select(DeliveryAttemptView.From).ToArray(), trigger));
    }

    private static async Task<Results<Accepted<Requeued>, ProblemHttpResult>> RedeliverAsync(
        string id, long sequence, HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var count = await grains.GetGrain<IWebhookSubscriptionGrain>(id).RedeliverAsync(sequence);
        return count > 0
            ? TypedResults.Accepted($"/v1/webhooks/{id}/deliveries/{sequence}", new Requeued(count))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Webhook {id} has no delivery {sequence}.");
    }

    private static async Task<Results<Accepted<Requeued>, ProblemHttpResult>> RedeliverDeadAsync(
        string id, HttpContext http, ApiKeyAuthenticator auth, IGrainFactory grains)
    {
        if (auth.Check(ApiKeyAuthenticator.KeyFromHeader(http.Request), ApiKeyScope.Write, http) is { } denied)
        {
            return denied;
        }

        var grain = grains.GetGrain<IWebhookSubscriptionGrain>(id);
        if (await grain.GetAsync() is null)
        {
            return NotFound(id);
        }

        return TypedResults.Accepted($"/v1/webhooks/{id}/deliveries?status=pending", new Requeued(await grain.RedeliverAsync(null)));
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no webhook subscription {id}.");

    private static T Invalid<T>(List<FieldError> errors, string field, string message)
    {
        errors.Add(new FieldError(field, message));
        return default!;
    }
}
