namespace Orleans.Personalization.Grains.Interfaces.Webhooks;

/// <summary>A validated new subscription, secret included.</summary>
public sealed record WebhookSubscriptionSpec(
    string Url,
    string Secret,
    IReadOnlyList<string> Types,
    bool Enabled = true,
    int? MaxAttempts = null,
    string? Description = null);
