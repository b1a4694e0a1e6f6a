using Orleans.Personalization.Recommendations.Evaluation;
using Orleans.Personalization.Recommendations.Users;

namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>
/// Chooses EASE's λ on a validation split carved out of the first test split's training part: the test ratings
/// never take part. The objective is nDCG@10, the metric BPR is compared on.
/// </summary>
internal static class MovieLensTuning
{
    public static void Run(MovieLensFiles files, TextWriter output)
    {
        var (train, _) = StratifiedSplit.Split(files.Load(), MovieLensFiles.TrainRatio, MovieLensFiles.TestSeeds[0]);
        var (fit, validation) = StratifiedSplit.Split(train, MovieLensFiles.TrainRatio, MovieLensFiles.ValidationSeed);

        output.WriteLine($"## EASE λ (fit on {fit.Count} ratings, validated on {validation.Count}; objective nDCG@10)");
        var (lambda, _) = CoordinateSearch.Run(
            500.0,
            [new CoordinateSearch.Dimension<double>("lambda", [50.0, 100.0, 200.0, 300.0, 500.0, 750.0, 1000.0, 1500.0, 2000.0, 3000.0], (_, v) => (double)v, l => l)],
            l =>
            {
                var result = TopNEvaluator.Evaluate(new EaseRecommender(fit.ToArray(), l), validation);
                return (result.Ndcg, $"P@10 {result.Precision:F6}, R@10 {result.Recall:F6}, MAP {result.MeanAveragePrecision:F6}");
            },
            output);

        output.WriteLine($"chosen EASE lambda: {lambda}");
    }
}
