using Orleans.Personalization.Grains.Interfaces.Webhooks;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>Every webhook subscription (never with secrets).</summary>
public sealed record WebhookList(IReadOnlyList<WebhookSubscription> Items);
