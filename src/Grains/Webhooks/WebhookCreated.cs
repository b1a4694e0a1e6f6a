namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>The subscription was created (the secret is kept to sign deliveries; the API never shows it again).</summary>
public sealed record WebhookCreated : WebhookEvent
{
    public required string Url { get; init; }

    /// <summary>The signing secret encrypted (<see cref="WebhookSecretProtector"/>).</summary>
    public string? ProtectedSecret { get; init; }

    /// <summary>The signing secret in the clear: only in subscriptions created before secrets were encrypted.</summary>
    public string? Secret { get; init; }

    public IReadOnlyList<string> Types { get; init; } = [];

    public bool Enabled { get; init; } = true;

    public int? MaxAttempts { get; init; }

    public string? Description { get; init; }
}
