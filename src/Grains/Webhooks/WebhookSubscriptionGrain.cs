using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>
/// One webhook subscription. Its deliveries run on this silo (the one holding the grain's partition), so
/// redelivery and deletion write the delivery store here, fenced by the same lease the dispatcher uses.
/// </summary>
public sealed class WebhookSubscriptionGrain(IDeliveryStore deliveries, IOutboxStore outbox, WebhookSignals signals)
    : JournaledGrain<WebhookState, WebhookEvent>, IWebhookSubscriptionGrain
{
    protected override JsonTypeInfo<WebhookEvent> EventTypeInfo => WebhookJsonContext.Default.WebhookEvent;

    protected override JsonTypeInfo<WebhookState> StateTypeInfo => WebhookJsonContext.Default.WebhookState;

    public async Task<WebhookSubscription?> CreateAsync(WebhookSubscriptionSpec spec)
    {
        if (State.Created)
        {
            return null;
        }

        // A new subscription receives the triggers that come after it. The cursor is set before the
        // subscription exists, so a crash in between leaves only a cursor nobody reads.
        var subscriber = WebhookSubscribers.SubscriberOf(GrainKey);
        await deliveries.EnqueueAsync(subscriber, [], await outbox.LastSequenceAsync(), TimeProvider.GetUtcNow(), Partition, FencingToken);
        RaiseEvent(new WebhookCreated
        {
            Timestamp = TimeProvider.GetUtcNow(),
            Url = spec.Url,
            Secret = spec.Secret,
            Types = spec.Types,
            Enabled = spec.Enabled,
            MaxAttempts = spec.MaxAttempts,
            Description = spec.Description,
        });
        await ConfirmEventsAsync();
        signals.NotifySubscriptionChanged(GrainKey);
        return View();
    }

    public Task<WebhookSubscription?> GetAsync() => Task.FromResult(State.Exists ? View() : null);

    public async Task<WebhookSubscription?> UpdateAsync(WebhookSubscriptionChange change)
    {
        if (!State.Exists)
        {
            return null;
        }

        RaiseEvent(new WebhookUpdated
        {
            Timestamp = TimeProvider.GetUtcNow(),
            Url = change.Url,
            Secret = change.Secret,
            Types = change.Types,
            Enabled = change.Enabled,
            MaxAttempts = change.MaxAttempts,
            Description = change.Description,
        });
        await ConfirmEventsAsync();
        signals.NotifySubscriptionChanged(GrainKey);
        return View();
    }

    public async Task<bool> DeleteAsync()
    {
        if (!State.Exists)
        {
            return false;
        }

        RaiseEvent(new WebhookDeleted { Timestamp = TimeProvider.GetUtcNow() });
        await ConfirmEventsAsync();
        signals.NotifySubscriptionChanged(GrainKey);
        await deliveries.DeleteSubscriberAsync(WebhookSubscribers.SubscriberOf(GrainKey), Partition, FencingToken);
        return true;
    }

    public Task<WebhookTarget?> GetTargetAsync() => Task.FromResult(State.Exists
        ? new WebhookTarget(GrainKey, State.Url, State.Secret, State.Types, State.Enabled, State.MaxAttempts, Version)
        : null);

    public async Task<int> RedeliverAsync(long? sequence)
    {
        if (!State.Exists)
        {
            return 0;
        }

        var count = await deliveries.RequeueAsync(
            WebhookSubscribers.SubscriberOf(GrainKey), sequence, TimeProvider.GetUtcNow(), Partition, FencingToken);
        if (count > 0)
        {
            signals.NotifySubscriptionChanged(GrainKey);
        }

        return count;
    }

    private WebhookSubscription View() => new()
    {
        Id = GrainKey,
        Url = State.Url,
        Types = State.Types,
        Enabled = State.Enabled,
        MaxAttempts = State.MaxAttempts,
        Description = State.Description,
        CreatedAt = State.CreatedAt,
        UpdatedAt = State.UpdatedAt,
    };
}
