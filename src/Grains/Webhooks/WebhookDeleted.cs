namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>The subscription was deleted; its id is never reused.</summary>
public sealed record WebhookDeleted : WebhookEvent;
