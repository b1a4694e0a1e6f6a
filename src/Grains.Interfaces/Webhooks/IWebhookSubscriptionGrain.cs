using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Interfaces.Webhooks;

/// <summary>
/// One webhook subscription, keyed by its id. Its deliveries run on the silo that holds this grain's
/// partition, and every write about them is fenced by that partition's lease.
/// </summary>
[GrainType("webhook")]
public interface IWebhookSubscriptionGrain : IGrainWithStringKey
{
    /// <summary>Creates the subscription; null if this id already exists.</summary>
    Task<WebhookSubscription?> CreateAsync(WebhookSubscriptionSpec spec);

    /// <summary>The subscription without its secret, or null if there is none.</summary>
    Task<WebhookSubscription?> GetAsync();

    /// <summary>Changes the fields that are set; null if there is no subscription.</summary>
    Task<WebhookSubscription?> UpdateAsync(WebhookSubscriptionChange change);

    /// <summary>Deletes the subscription and its delivery queue; false if there was none.</summary>
    Task<bool> DeleteAsync();

    /// <summary>What the dispatcher needs to deliver, secret included; null if deleted or never created.</summary>
    Task<WebhookTarget?> GetTargetAsync();

    /// <summary>Queues a delivery again (one by outbox sequence, or every dead letter when null); returns how many.</summary>
    Task<int> RedeliverAsync(long? sequence);
}
