namespace Orleans.Personalization.Grains.Interfaces.Webhooks;

/// <summary>What the dispatcher needs to deliver to a subscription. Holds the secret: never give it to the API.</summary>
public sealed record WebhookTarget(
    string Id,
    string Url,
    string Secret,
    IReadOnlyList<string> Types,
    bool Enabled,
    int? MaxAttempts,
    long Version);
