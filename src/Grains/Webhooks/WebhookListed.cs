namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>A subscription id joined the registry.</summary>
public sealed record WebhookListed : WebhookRegistryEvent;
