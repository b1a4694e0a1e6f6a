using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>A new feature flag (version 1) or the next version of one, whole.</summary>
public sealed record FlagVersionRecorded : ExperimentRegistryEvent
{
    public required FlagSpec Spec { get; init; }
}
