using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>Names a webhook subscription has in storage: its subscriber name in the delivery store and its grain id.</summary>
public static class WebhookSubscribers
{
    public const string GrainType = "webhook";

    public static string SubscriberOf(string subscriptionId) => "webhook:" + subscriptionId;

    public static GrainId GrainIdOf(string subscriptionId) => new(GrainType, subscriptionId);
}
