namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>
/// A real-time intent trigger, as subscribers receive it. <see cref="Id"/> is derived from the shopper and
/// the state that caused it, so a redelivery (or a repeated evaluation after a crash) carries the same id.
/// </summary>
public sealed record Trigger
{
    public required string Id { get; init; }

    /// <summary>One of <see cref="TriggerTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>When the trigger fired (the silo's clock).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    public required TriggerShopper Shopper { get; init; }

    /// <summary>What caused it: cart lines with prices, the product, the score, and so on, by type.</summary>
    public required TriggerFacts Facts { get; init; }

    /// <summary>Products to put in the message (the shopper's own recent items until the recommendation engine exists).</summary>
    public IReadOnlyList<TriggerProduct> RecommendedProducts { get; init; } = [];

    /// <summary>The shopper is in the holdout (control) group: recorded, never delivered.</summary>
    public bool Holdout { get; init; }
}
