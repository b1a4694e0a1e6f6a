using Orleans.Personalization.Analytics.Experiments;

namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>Asks a shopper for its variant in <paramref name="Experiment"/> (the current version); <paramref name="Source"/> says what served it.</summary>
public sealed record ExperimentAssignmentRequest(ExperimentDefinition Experiment, string Source)
{
    public const string FromApi = "api";
    public const string FromRecommendations = "recommendations";
    public const string FromTriggers = "triggers";
}
