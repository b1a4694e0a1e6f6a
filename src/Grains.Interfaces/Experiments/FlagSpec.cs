using Orleans.Personalization.Analytics.Experiments;

namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>One version of a feature flag: on for targeted shoppers within a rollout share.</summary>
public sealed record FlagSpec
{
    public required FeatureFlag Flag { get; init; }

    public int Version { get; init; } = 1;

    public string? Description { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
