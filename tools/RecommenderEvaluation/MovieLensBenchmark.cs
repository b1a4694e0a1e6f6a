using Orleans.Personalization.Recommendations.CoOccurrence;
using Orleans.Personalization.Recommendations.Evaluation;
using Orleans.Personalization.Recommendations.Users;

namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>
/// Protocol 2: a random 75/25 split of each user's ratings, 10 unseen items per user, metrics averaged over users
/// and then over five seeded splits; Microsoft Recommenders' published numbers beside ours.
/// </summary>
internal static class MovieLensBenchmark
{
    private const int K = 10;

    /// <summary>Microsoft Recommenders' README, MovieLens 100K, k = 10 (P@10, R@10, nDCG@10, MAP; null = not published).</summary>
    private static readonly (string Name, double? Precision, double? Recall, double Ndcg, double Map)[] Published =
    [
        ("most popular", null, null, 0.252867, 0.055008),
        ("SAR", 0.330753, 0.176385, 0.382461, 0.110591),
        ("BPR", null, null, 0.441997, 0.132478),
    ];

    public static void Run(MovieLensFiles files, TextWriter output)
    {
        var ratings = files.Load();
        var recommenders = new (string Name, string? Published, Func<Rating[], IUserRecommender> Create)[]
        {
            ("most popular", "most popular", train => new PopularityUserRecommender(train)),
            ("SAR (Jaccard, 30-day half-life)", "SAR", train => new SarRecommender(train)),
            ("SAR with log-likelihood ratio", null, train => new SarRecommender(train, new SarOptions { Similarity = SimilarityMeasure.LogLikelihoodRatio })),
            ($"EASE (λ = {TunedParameters.EaseLambda})", "BPR", train => new EaseRecommender(train, TunedParameters.EaseLambda)),
        };

        var results = recommenders.Select(_ => new List<TopNResult>()).ToArray();
        var means = new TopNResult[recommenders.Length];
        foreach (var seed in MovieLensFiles.TestSeeds)
        {
            var (train, test) = StratifiedSplit.Split(ratings, MovieLensFiles.TrainRatio, seed);
            var trainArray = train.ToArray();
            for (var i = 0; i < recommenders.Length; i++)
            {
                results[i].Add(TopNEvaluator.Evaluate(recommenders[i].Create(trainArray), test, K));
            }
        }

        output.WriteLine($"## MovieLens 100K, Microsoft Recommenders' protocol (k = {K}; mean over splits with seeds {string.Join(", ", MovieLensFiles.TestSeeds)})");
        output.WriteLine();
        var table = new ResultTable("recommender", "P@10", "R@10", "nDCG@10", "MAP", "nDCG@10 range over splits", "published (P@10 / R@10 / nDCG@10 / MAP)", "ours vs published");
        for (var i = 0; i < recommenders.Length; i++)
        {
            var runs = results[i];
            var mean = new TopNResult(runs[0].Users, runs.Average(r => r.Precision), runs.Average(r => r.Recall), runs.Average(r => r.Ndcg), runs.Average(r => r.MeanAveragePrecision));
            means[i] = mean;
            var published = Published.FirstOrDefault(p => p.Name == recommenders[i].Published);
            table.Add(
                recommenders[i].Name,
                mean.Precision,
                mean.Recall,
                mean.Ndcg,
                mean.MeanAveragePrecision,
                FormattableString.Invariant($"{runs.Min(r => r.Ndcg):F6}–{runs.Max(r => r.Ndcg):F6}"),
                published.Name is null ? "" : $"{published.Name}: {Text(published.Precision)} / {Text(published.Recall)} / {Text(published.Ndcg)} / {Text(published.Map)}",
                published.Name is null ? "" : Comparison(mean, published));
        }

        table.Write(output);

        var sar = means[1];
        var sarPublished = Published[1];
        var within = new[] { (sar.Precision, sarPublished.Precision!.Value), (sar.Recall, sarPublished.Recall!.Value), (sar.Ndcg, sarPublished.Ndcg), (sar.MeanAveragePrecision, sarPublished.Map) }
            .All(p => Math.Abs(p.Item1 - p.Item2) <= 0.05 * p.Item2);
        output.WriteLine(within
            ? "SAR is within ±5 % of its published P@10, R@10, nDCG@10 and MAP."
            : "SAR is NOT within ±5 % of every published SAR metric.");
        output.WriteLine(means[^1].Ndcg > Published[2].Ndcg
            ? FormattableString.Invariant($"EASE beats BPR's published nDCG@10 ({means[^1].Ndcg:F6} > {Published[2].Ndcg:F6}).")
            : FormattableString.Invariant($"EASE does NOT beat BPR's published nDCG@10 ({means[^1].Ndcg:F6} ≤ {Published[2].Ndcg:F6})."));
        output.WriteLine();
    }

    private static string Comparison(TopNResult ours, (string Name, double? Precision, double? Recall, double Ndcg, double Map) published)
    {
        var pairs = new List<(string Metric, double Ours, double Theirs)> { ("nDCG", ours.Ndcg, published.Ndcg), ("MAP", ours.MeanAveragePrecision, published.Map) };
        if (published.Precision is { } precision)
        {
            pairs.Insert(0, ("P", ours.Precision, precision));
        }

        if (published.Recall is { } recall)
        {
            pairs.Insert(1, ("R", ours.Recall, recall));
        }

        return string.Join(", ", pairs.Select(p => FormattableString.Invariant($"{p.Metric} {(p.Ours - p.Theirs) / p.Theirs:+0.0%;-0.0%}")));
    }

    private static string Text(double? value) => value is { } v ? v.ToString("F6", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
