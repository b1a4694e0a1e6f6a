using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>Sequential-rules settings as a value, so the search can compare and cache them.</summary>
internal sealed record RuleSettings(int Steps, DistanceWeighting Weighting, int Pruning)
{
    public SequentialRules Create() => new(Steps, Weighting, Pruning);
}
