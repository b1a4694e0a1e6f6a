using Orleans.Personalization.Recommendations.Knn;
using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>
/// Settings chosen by <c>--tune</c>: trained on <c>_train_tr</c>, scored on <c>_train_valid</c> (YooChoose) and on a
/// validation split carved out of the first MovieLens training split. The test splits never took part; see
/// docs/recommender-evaluation.md for the search output.
/// </summary>
internal static class TunedParameters
{
    /// <summary>session-rec's own V-SKNN settings for this sample (its example_next.yml), which made the reference lists.</summary>
    public static readonly SessionKnnOptions ReferenceKnn = new()
    {
        Neighbours = 500,
        SampleSize = 5000,
        PositionWeighting = PositionWeighting.Quadratic,
        MatchWeighting = DistanceWeighting.Div,
        IdfWeighting = 5,
    };

    /// <summary>session-rec's SKNN settings in the same file.</summary>
    public static readonly SessionKnnOptions ReferenceSknn = new()
    {
        Neighbours = 100,
        SampleSize = 500,
        Similarity = SessionSimilarity.Cosine,
        PositionWeighting = PositionWeighting.Same,
        MatchWeighting = DistanceWeighting.Same,
    };

    /// <summary>session-rec's sequential-rules settings in the same file (the README's "1/d², d ≤ 20").</summary>
    public static readonly RuleSettings ReferenceRules = new(20, DistanceWeighting.Quadratic, 20);

    /// <summary>
    /// Coordinate search from <see cref="ReferenceKnn"/>: valid HR@20 0.647933 → 0.658210, MRR@20 0.359661 → 0.365150.
    /// The blend with sequential rules was searched after it and put the whole weight here, so no blend is reported.
    /// </summary>
    public static readonly SessionKnnOptions Knn = new()
    {
        Neighbours = 1000,
        SampleSize = 5000,
        Similarity = SessionSimilarity.Vector,
        PositionWeighting = PositionWeighting.Linear,
        MatchWeighting = DistanceWeighting.Quadratic,
        IdfWeighting = 1,
        NeighbourPositionDecay = 2,
    };

    /// <summary>Coordinate search from <see cref="ReferenceRules"/>: only the steps moved (20 → 30).</summary>
    public static readonly RuleSettings Rules = new(30, DistanceWeighting.Quadratic, 20);

    public const double PopularityHalfLifeDays = 0.25;

    public const double EaseLambda = 500;
}
