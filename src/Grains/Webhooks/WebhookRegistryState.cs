using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>The listed subscription ids, oldest first.</summary>
public sealed class WebhookRegistryState : IJournaledState<WebhookRegistryEvent>
{
    public List<string> Ids { get; set; } = [];

    public void Apply(WebhookRegistryEvent domainEvent)
    {
        switch (domainEvent)
        {
            case WebhookListed listed when !Ids.Contains(listed.SubscriptionId):
                Ids.Add(listed.SubscriptionId);
                break;
            case WebhookUnlisted unlisted:
                Ids.Remove(unlisted.SubscriptionId);
                break;
        }
    }
}
