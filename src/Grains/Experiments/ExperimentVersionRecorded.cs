using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>A new experiment (version 1) or the next version of one, whole, so any version reads back alone.</summary>
public sealed record ExperimentVersionRecorded : ExperimentRegistryEvent
{
    public required ExperimentSpec Spec { get; init; }
}
