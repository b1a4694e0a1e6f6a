namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>Some fields changed (null: unchanged).</summary>
public sealed record WebhookUpdated : WebhookEvent
{
    public string? Url { get; init; }

    /// <summary>A new signing secret, encrypted (<see cref="WebhookSecretProtector"/>).</summary>
    public string? ProtectedSecret { get; init; }

    /// <summary>A new signing secret in the clear: only in changes made before secrets were encrypted.</summary>
    public string? Secret { get; init; }

    public IReadOnlyList<string>? Types { get; init; }

    public bool? Enabled { get; init; }

    public int? MaxAttempts { get; init; }

    public string? Description { get; init; }
}
