using Orleans.Personalization.Recommendations.Hybrid;

namespace Orleans.Personalization.Recommendations.Tests;

public class WeightedHybridTests
{
    private const long A = 1, B = 2, C = 3;

    [Fact]
    public void EachListIsNormalisedThenWeightedAndSummed()
    {
        var first = new FixedRecommender(new(A, 4), new(B, 2));
        var second = new FixedRecommender(new(C, 10), new(B, 5));
        var hybrid = new WeightedHybrid([(first, 0.25), (second, 0.75)]);

        // A: 0.25 · 1; B: 0.25 · 0.5 + 0.75 · 0.5; C: 0.75 · 1.
        Assert.Equal([new(C, 0.75), new(B, 0.5), new(A, 0.25)], hybrid.Recommend([A], 10));
    }

    [Fact]
    public void LearningReachesEveryComponent()
    {
        var first = new FixedRecommender();
        var second = new FixedRecommender();
        var hybrid = new WeightedHybrid([(first, 1), (second, 1)]);

        hybrid.Learn(Sessions.Of(1, A));

        Assert.Equal(1, first.Learned);
        Assert.Equal(1, second.Learned);
    }

    private sealed class FixedRecommender(params ItemScore[] list) : ISessionRecommender
    {
        public int Learned { get; private set; }

        public void Learn(Session session) => Learned++;

        public IReadOnlyList<ItemScore> Recommend(IReadOnlyList<long> sessionItems, int count) => list.Take(count).ToArray();
    }
}
