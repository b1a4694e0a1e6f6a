namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>The subscription was created (the secret is kept to sign deliveries; the API never shows it again).</summary>
public sealed record WebhookCreated : WebhookEvent
{
    public required string Url { get; init; }

    public required string Secret { get; init; }

    public IReadOnlyList<string> Types { get; init; } = [];

    public bool Enabled { get; init; } = true;

    public int? MaxAttempts { get; init; }

    public string? Description { get; init; }
}
