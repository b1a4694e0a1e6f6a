using Orleans.Personalization.Grains.Interfaces.Webhooks;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>The answer to creating a subscription: the only time its secret is shown.</summary>
public sealed record CreatedWebhook(
    string Id,
    string Url,
    IReadOnlyList<string> Types,
    bool Enabled,
    int? MaxAttempts,
    string? Description,
    DateTimeOffset CreatedAt,
    string Secret)
{
    public static CreatedWebhook From(WebhookSubscription subscription, string secret) => new(
        subscription.Id, subscription.Url, subscription.Types, subscription.Enabled, subscription.MaxAttempts,
        subscription.Description, subscription.CreatedAt, secret);
}
