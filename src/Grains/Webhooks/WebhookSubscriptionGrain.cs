using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>
/// One webhook subscription. Its deliveries run on this silo (the one holding the grain's partition), so
/// redelivery and deletion write the delivery store here, fenced by the same lease the dispatcher uses. Its
/// signing secret is journaled encrypted (<see cref="WebhookSecretProtector"/>) and decrypted only for the dispatcher.
/// </summary>
public sealed class WebhookSubscriptionGrain(IDeliveryStore deliveries, IOutboxStore outbox, WebhookSignals signals, WebhookSecretProtector secrets)
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
            ProtectedSecret = secrets.Protect(GrainKey, spec.Secret),
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
            ProtectedSecret = change.Secret is { } secret ? secrets.Protect(GrainKey, secret) : null,
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

    public async Task<WebhookTarget?> GetTargetAsync()
    {
        if (!State.Exists)
        {
            return null;
        }

        var secret = State.ProtectedSecret is { } stored ? secrets.Unprotect(GrainKey, stored) : State.Secret;
        if (State.ProtectedSecret is not { } current || !secrets.IsCurrent(current))
        {
            // A secret kept in the clear (created before secrets were encrypted) or with a previous key is
            // encrypted with the current key now; the journal's older events keep what they held.
            RaiseEvent(new WebhookUpdated { Timestamp = TimeProvider.GetUtcNow(), ProtectedSecret = secrets.Protect(GrainKey, secret) });
            await ConfirmEventsAsync();
        }

        return new WebhookTarget(GrainKey, State.Url, secret, State.Types, State.Enabled, State.MaxAttempts, Version);
    }

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
