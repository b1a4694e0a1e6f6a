namespace Orleans.Personalization.Grains.Interfaces.Webhooks;

/// <summary>A validated change: only the fields that are set change.</summary>
public sealed record WebhookSubscriptionChange
{
    public string? Url { get; init; }

    public string? Secret { get; init; }

    public IReadOnlyList<string>? Types { get; init; }

    public bool? Enabled { get; init; }

    public int? MaxAttempts { get; init; }

    public string? Description { get; init; }
}
