using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>An alert about a running experiment; the outbox projection sends it to the trigger streams.</summary>
public sealed record ExperimentAlertRaised : ExperimentRegistryEvent
{
    public required ExperimentAlert Alert { get; init; }
}
