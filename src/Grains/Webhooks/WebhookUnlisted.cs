namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>A subscription id left the registry.</summary>
public sealed record WebhookUnlisted : WebhookRegistryEvent;
