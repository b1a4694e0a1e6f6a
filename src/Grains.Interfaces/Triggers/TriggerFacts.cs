namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>
/// The facts behind a trigger; which ones are set depends on its type (docs/triggers.md lists them).
/// <see cref="DueAt"/> is when the trigger became due (for abandonment: last activity plus the delay).
/// </summary>
public sealed record TriggerFacts
{
    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? LastActivityAt { get; init; }

    public TriggerCart? Cart { get; init; }

    public TriggerProduct? Product { get; init; }

    /// <summary>Browse abandonment: views of the product inside the window.</summary>
    public int? Views { get; init; }

    /// <summary>High intent: the intent score (0–100) and the threshold it crossed.</summary>
    public double? Score { get; init; }

    public double? Threshold { get; init; }

    /// <summary>Price drop: the price the shopper saw, and the new one.</summary>
    public decimal? PreviousPrice { get; init; }

    public decimal? NewPrice { get; init; }

    public string? Currency { get; init; }

    /// <summary>Lapsing customer: loyalty score at the last activity, completed orders, days inactive.</summary>
    public int? LoyaltyScore { get; init; }

    public int? Orders { get; init; }

    public int? InactiveDays { get; init; }
}
