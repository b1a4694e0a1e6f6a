using Orleans.Personalization.Recommendations.Evaluation;

namespace Orleans.Personalization.Recommendations.Tests;

public class MetricTests
{
    private const long A = 1, B = 2, C = 3, D = 4;

    [Fact]
    public void HitRateAndReciprocalRankCountEveryPredictionEqually()
    {
        var metrics = new NextItemMetrics(cutoff: 2);

        Assert.Equal(2, metrics.Add([new(A, 1), new(B, 0.5)], B));
        Assert.Equal(1, metrics.Add([new(C, 1)], C));
        Assert.Equal(0, metrics.Add([new(A, 1), new(B, 0.9), new(C, 0.8)], C));
        Assert.Equal(0, metrics.Add([], A));

        Assert.Equal(4, metrics.Predictions);
        Assert.Equal(0.5, metrics.HitRate);
        Assert.Equal((0.5 + 1) / 4, metrics.MeanReciprocalRank);
    }

    [Fact]
    public void TopNMetricsMatchAHandComputedList()
    {
        long[] ranked = [A, B, C];
        var relevant = new HashSet<long> { A, C, D };

        Assert.Equal(2 / 3.0, TopNMetrics.Precision(ranked, relevant, 3), 12);
        Assert.Equal(2 / 3.0, TopNMetrics.Recall(ranked, relevant, 3), 12);

        // DCG = 1 + 1/log2(4); ideal = 1 + 1/log2(3) + 1/log2(4).
        Assert.Equal(1.5 / (1.5 + (1 / Math.Log2(3))), TopNMetrics.Ndcg(ranked, relevant, 3), 12);

        // Hits at ranks 1 and 3: (1/1 + 2/3) / 3 relevant.
        Assert.Equal((1 + (2 / 3.0)) / 3, TopNMetrics.AveragePrecision(ranked, relevant, 3), 12);
    }

    [Fact]
    public void PrecisionDividesByKEvenForAShortList() =>
        Assert.Equal(0.1, TopNMetrics.Precision([A], new HashSet<long> { A }, 10), 12);

    [Fact]
    public void IdealDcgStopsAtK() =>
        Assert.Equal(1, TopNMetrics.Ndcg([A, B], new HashSet<long> { A, B, C, D }, 2), 12);

    [Fact]
    public void TheCutOffLimitsTopNMetrics()
    {
        var relevant = new HashSet<long> { C };

        Assert.Equal(0, TopNMetrics.Recall([A, B, C], relevant, 2));
        Assert.Equal(0, TopNMetrics.Ndcg([A, B, C], relevant, 2));
    }

    [Fact]
    public void TopNEvaluationAveragesOverTestUsers()
    {
        var recommender = new FixedUserRecommender();
        Users.Rating[] test = [new(1, A, 5, 0), new(2, C, 5, 0)];

        var result = TopNEvaluator.Evaluate(recommender, test, k: 1);

        Assert.Equal(2, result.Users);
        Assert.Equal(0.5, result.Precision);
        Assert.Equal(0.5, result.Recall);
        Assert.Equal(0.5, result.Ndcg);
        Assert.Equal(0.5, result.MeanAveragePrecision);
    }

    [Fact]
    public void NextItemEvaluationPredictsAfterEveryClickButTheLast()
    {
        var predictions = new List<NextItemPrediction>();
        var rules = Sessions.Trained(new Rules.SequentialRules(), Sessions.Of(1, A, B, C));

        var metrics = NextItemEvaluator.Evaluate(rules, [Sessions.Of(7, A, B, D)], observe: predictions.Add);

        Assert.Equal([(0, B), (1, D)], predictions.Select(p => (p.Position, p.Actual)));
        Assert.Equal(0.5, metrics.HitRate);
        Assert.Equal(0.5, metrics.MeanReciprocalRank);
    }

    private sealed class FixedUserRecommender : Users.IUserRecommender
    {
        public IReadOnlyList<ItemScore> Recommend(long userId, int count) => [new(A, 1)];
    }
}
