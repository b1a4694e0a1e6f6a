using Orleans.Personalization.Recommendations;
using Orleans.Personalization.Recommendations.Evaluation;
using Orleans.Personalization.Recommendations.Hybrid;
using Orleans.Personalization.Recommendations.Knn;
using Orleans.Personalization.Recommendations.Popularity;
using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>
/// Chooses V-SKNN, sequential-rules and blend settings on the split inside train (fit on _train_tr, score on
/// _train_valid). The objective is HR@20 + MRR@20, since the goal is to beat the references on both.
/// </summary>
internal static class YooChooseTuning
{
    public static void Run(YooChooseFiles files, TextWriter output)
    {
        var train = files.Load("train_tr");
        var valid = files.Load("train_valid");
        (double, string) Objective(ISessionRecommender recommender)
        {
            var metrics = NextItemEvaluator.Evaluate(recommender, valid);
            return (metrics.HitRate + metrics.MeanReciprocalRank, $"HR@20 {metrics.HitRate:F6}, MRR@20 {metrics.MeanReciprocalRank:F6}");
        }

        output.WriteLine("## V-SKNN (coordinate search from session-rec's settings; objective HR@20 + MRR@20 on _train_valid)");
        var (knn, _) = CoordinateSearch.Run(TunedParameters.ReferenceKnn, KnnDimensions(), o => Objective(YooChooseFiles.Trained(new SessionKnn(o), train)), output);

        output.WriteLine("## Sequential rules");
        var (rules, _) = CoordinateSearch.Run(new RuleSettings(20, DistanceWeighting.Quadratic, 20), RuleDimensions(), s => Objective(YooChooseFiles.Trained(s.Create(), train)), output);

        output.WriteLine("## Blend of the two");
        var trainedKnn = YooChooseFiles.Trained(new SessionKnn(knn), train);
        var trainedRules = YooChooseFiles.Trained(rules.Create(), train);
        var weights = Enumerable.Range(0, 11).Select(i => (object)(i / 10.0)).ToArray();
        var (hybrid, _) = CoordinateSearch.Run(
            new HybridSettings(0.5, 0.5, 100),
            [
                new CoordinateSearch.Dimension<HybridSettings>("rules", weights, (h, v) => h with { RulesWeight = (double)v, KnnWeight = 1 - (double)v }, h => h.RulesWeight),
                new CoordinateSearch.Dimension<HybridSettings>("depth", [20, 50, 100, 200], (h, v) => h with { Depth = (int)v }, h => h.Depth),
            ],
            h => Objective(new WeightedHybrid([(trainedRules, h.RulesWeight), (trainedKnn, h.KnnWeight)], h.Depth)),
            output);

        output.WriteLine("## Time-decayed popularity (half-life in days; 0 = no decay)");
        var (halfLife, _) = CoordinateSearch.Run(
            0.0,
            [new CoordinateSearch.Dimension<double>("half-life", [0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0], (_, v) => (double)v, d => d)],
            days => Objective(YooChooseFiles.Trained(new TimeDecayedPopularity(days > 0 ? days * 86_400 : double.PositiveInfinity), train)),
            output);

        output.WriteLine($"chosen popularity half-life: {halfLife} days");
        output.WriteLine($"chosen V-SKNN: {knn}");
        output.WriteLine($"chosen rules: {rules}");
        output.WriteLine($"chosen blend: {hybrid}");
    }

    private static CoordinateSearch.Dimension<SessionKnnOptions>[] KnnDimensions() =>
    [
        new("k", [50, 100, 200, 500, 1000, 1500], (o, v) => o with { Neighbours = (int)v }, o => o.Neighbours),
        new("sample", [500, 1000, 2500, 5000, 10000, 0], (o, v) => o with { SampleSize = (int)v }, o => o.SampleSize),
        new("similarity", Enum.GetValues<SessionSimilarity>().Cast<object>().ToArray(), (o, v) => o with { Similarity = (SessionSimilarity)v }, o => o.Similarity),
        new("position", Enum.GetValues<PositionWeighting>().Cast<object>().ToArray(), (o, v) => o with { PositionWeighting = (PositionWeighting)v }, o => o.PositionWeighting),
        new("match", Enum.GetValues<DistanceWeighting>().Cast<object>().ToArray(), (o, v) => o with { MatchWeighting = (DistanceWeighting)v }, o => o.MatchWeighting),
        new("idf", [0.0, 1.0, 2.0, 5.0, 10.0], (o, v) => o with { IdfWeighting = (double)v }, o => o.IdfWeighting),
        new("neighbour position decay", [0.0, 1.0, 2.0, 3.0, 5.0, 10.0], (o, v) => o with { NeighbourPositionDecay = (double)v }, o => o.NeighbourPositionDecay),
        new("remind", [true, false], (o, v) => o with { Remind = (bool)v }, o => o.Remind),
    ];

    private static CoordinateSearch.Dimension<RuleSettings>[] RuleDimensions() =>
    [
        new("steps", [1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30], (s, v) => s with { Steps = (int)v }, s => s.Steps),
        new("weighting", Enum.GetValues<DistanceWeighting>().Cast<object>().ToArray(), (s, v) => s with { Weighting = (DistanceWeighting)v }, s => s.Weighting),
        new("pruning", [10, 20, 50, 100, 0], (s, v) => s with { Pruning = (int)v }, s => s.Pruning),
    ];
}
