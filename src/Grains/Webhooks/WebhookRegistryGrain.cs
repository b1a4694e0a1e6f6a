using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>The list of webhook subscriptions, so each silo's dispatcher finds the ones whose partitions it holds.</summary>
public sealed class WebhookRegistryGrain(WebhookSignals signals) : JournaledGrain<WebhookRegistryState, WebhookRegistryEvent>, IWebhookRegistryGrain
{
    public const string Key = "all";

    protected override JsonTypeInfo<WebhookRegistryEvent> EventTypeInfo => WebhookJsonContext.Default.WebhookRegistryEvent;

    protected override JsonTypeInfo<WebhookRegistryState> StateTypeInfo => WebhookJsonContext.Default.WebhookRegistryState;

    public async Task AddAsync(string subscriptionId)
    {
        if (!State.Ids.Contains(subscriptionId))
        {
            RaiseEvent(new WebhookListed { Timestamp = TimeProvider.GetUtcNow(), SubscriptionId = subscriptionId });
            await ConfirmEventsAsync();
            signals.NotifyRegistryChanged();
        }
    }

    public async Task RemoveAsync(string subscriptionId)
    {
        if (State.Ids.Contains(subscriptionId))
        {
            RaiseEvent(new WebhookUnlisted { Timestamp = TimeProvider.GetUtcNow(), SubscriptionId = subscriptionId });
            await ConfirmEventsAsync();
            signals.NotifyRegistryChanged();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(State.Ids.ToArray());
}
