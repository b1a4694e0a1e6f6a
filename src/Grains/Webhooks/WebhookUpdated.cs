namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>Some fields changed (null: unchanged).</summary>
public sealed record WebhookUpdated : WebhookEvent
{
    public string? Url { get; init; }

    public string? Secret { get; init; }

    public IReadOnlyList<string>? Types { get; init; }

    public bool? Enabled { get; init; }

    public int? MaxAttempts { get; init; }

    public string? Description { get; init; }
}
