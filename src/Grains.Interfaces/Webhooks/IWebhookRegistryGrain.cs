using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Interfaces.Webhooks;

/// <summary>The list of webhook subscription ids (one grain, key "all"), so every silo can find the ones it serves.</summary>
[GrainType("webhook-registry")]
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    /// <summary>Adds a subscription id (no change if present).</summary>
    Task AddAsync(string subscriptionId);

    /// <summary>Removes a subscription id (no change if absent).</summary>
    Task RemoveAsync(string subscriptionId);

    /// <summary>Every subscription id, oldest first.</summary>
    Task<IReadOnlyList<string>> ListAsync();
}
