using Orleans.Personalization.Recommendations.CoOccurrence;
using Orleans.Personalization.Recommendations.Users;

namespace Orleans.Personalization.Recommendations.Tests;

public class UserRecommenderTests
{
    private const long A = 1, B = 2, C = 3, D = 4, E = 5;
    private const double Now = 1_000_000_000;
    private const double HalfLife = 30 * 86_400;

    [Fact]
    public void SarScoresUnseenItemsByAffinityTimesJaccard()
    {
        Rating[] ratings =
        [
            new(1, A, 2, Now), new(1, B, 1, Now),
            new(2, A, 1, Now), new(2, C, 1, Now),
            new(3, B, 1, Now), new(3, C, 1, Now),
        ];

        // Every pair shares one user and every item has two: Jaccard 1/3. C: 2 · 1/3 + 1 · 1/3.
        var recommendations = new SarRecommender(ratings).Recommend(1, 10);

        Assert.Equal(C, Assert.Single(recommendations).ItemId);
        Assert.Equal(1, recommendations[0].Score, 12);
    }

    [Fact]
    public void SarHalvesTheAffinityOfARatingOneHalfLifeOld()
    {
        Rating[] ratings =
        [
            new(1, A, 1, Now - HalfLife), new(1, B, 1, Now),
            new(2, A, 1, Now), new(2, D, 1, Now),
            new(3, B, 1, Now), new(3, E, 1, Now),
        ];

        // D is tied to the old A, E to the new B; both Jaccard 1/2.
        var recommendations = new SarRecommender(ratings).Recommend(1, 10);

        Assert.Equal([new(E, 0.5), new(D, 0.25)], recommendations);
    }

    [Fact]
    public void SarCanUseAnotherSimilarity()
    {
        Rating[] ratings = [new(1, A, 1, Now), new(1, B, 1, Now), new(2, A, 1, Now), new(2, B, 1, Now), new(3, A, 1, Now)];

        var recommendations = new SarRecommender(ratings, new SarOptions { Similarity = SimilarityMeasure.Count }).Recommend(3, 10);

        Assert.Equal([new(B, 2)], recommendations);
    }

    [Fact]
    public void SarKnowsNothingOfUnknownUsers() =>
        Assert.Empty(new SarRecommender([new(1, A, 1, Now)]).Recommend(99, 10));

    [Fact]
    public void EaseLearnsTheClosedFormWeights()
    {
        // X = {u1: A, B; u2: A; u3: B}; XᵀX + 1·I = [[3, 1], [1, 3]]; P = [[3, −1], [−1, 3]] / 8; B_AB = 1/8 ÷ 3/8.
        Rating[] ratings = [new(1, A, 1, Now), new(1, B, 1, Now), new(2, A, 1, Now), new(3, B, 1, Now)];

        var recommendations = new EaseRecommender(ratings, lambda: 1).Recommend(2, 10);

        Assert.Equal(B, Assert.Single(recommendations).ItemId);
        Assert.Equal(1 / 3.0, recommendations[0].Score, 12);
    }

    [Fact]
    public void EaseRanksTheMoreOftenCoRatedItemFirst()
    {
        Rating[] ratings =
        [
            new(1, A, 1, Now), new(1, B, 1, Now),
            new(2, A, 1, Now), new(2, B, 1, Now),
            new(3, A, 1, Now), new(3, C, 1, Now),
            new(4, A, 1, Now),
        ];

        Assert.Equal([B, C], new EaseRecommender(ratings, lambda: 1).Recommend(4, 10).Select(s => s.ItemId));
    }

    [Fact]
    public void MostPopularSkipsWhatTheUserHasSeen()
    {
        Rating[] ratings =
        [
            new(1, A, 1, Now), new(2, A, 1, Now), new(3, A, 1, Now),
            new(1, B, 1, Now), new(2, B, 1, Now),
            new(4, C, 1, Now),
        ];

        Assert.Equal([B, C], new PopularityUserRecommender(ratings).Recommend(3, 10).Select(s => s.ItemId));
    }
}
