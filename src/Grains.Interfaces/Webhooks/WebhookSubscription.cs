namespace Orleans.Personalization.Grains.Interfaces.Webhooks;

/// <summary>A webhook subscription as the API shows it: never with its secret.</summary>
public sealed record WebhookSubscription
{
    public required string Id { get; init; }

    public required string Url { get; init; }

    /// <summary>Trigger types delivered; empty means every type.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    public bool Enabled { get; init; } = true;

    /// <summary>Attempts before a delivery becomes a dead letter (null: the service default).</summary>
    public int? MaxAttempts { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
