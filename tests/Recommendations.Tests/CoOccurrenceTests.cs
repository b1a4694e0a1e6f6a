using Orleans.Personalization.Recommendations.CoOccurrence;

namespace Orleans.Personalization.Recommendations.Tests;

public class CoOccurrenceTests
{
    private const long A = 1, B = 2, C = 3;

    [Fact]
    public void BasketsCountItemsAndPairsOnce()
    {
        var matrix = new CoOccurrenceMatrix();
        matrix.AddBasket([A, B, B]);
        matrix.AddBasket([A, C]);
        matrix.AddBasket([A, B, C]);

        Assert.Equal(3, matrix.BasketCount);
        Assert.Equal(3, matrix.CountOf(A));
        Assert.Equal(2, matrix.CountOf(B));
        Assert.Equal(2, matrix.CountOf(A, B));
        Assert.Equal(2, matrix.CountOf(C, A));
        Assert.Equal(1, matrix.CountOf(B, C));
        Assert.Equal(0, matrix.CountOf(B, B));
    }

    [Fact]
    public void ItemsAddedOneByOnePairWithWhatTheBasketAlreadyHolds()
    {
        var matrix = new CoOccurrenceMatrix();
        var basket = new HashSet<long>();
        matrix.StartBasket();
        matrix.AddToBasket(basket, A);
        matrix.AddToBasket(basket, B);
        matrix.AddToBasket(basket, A);

        Assert.Equal(1, matrix.CountOf(A));
        Assert.Equal(1, matrix.CountOf(A, B));
    }

    [Theory]
    [InlineData(SimilarityMeasure.Count, 2)]
    [InlineData(SimilarityMeasure.Jaccard, 2.0 / (4 + 5 - 2))]
    [InlineData(SimilarityMeasure.Cosine, 2 / 4.47213595499958)]
    [InlineData(SimilarityMeasure.Lift, 2.0 * 10 / (4 * 5))]
    public void SimilaritiesFollowTheirFormulas(SimilarityMeasure measure, double expected) =>
        Assert.Equal(expected, measure.Score(both: 2, countA: 4, countB: 5, baskets: 10), 12);

    [Fact]
    public void NeverSeenTogetherMeansUnrelated()
    {
        foreach (var measure in Enum.GetValues<SimilarityMeasure>())
        {
            Assert.Equal(0, measure.Score(0, 4, 5, 10));
        }
    }

    [Fact]
    public void LogLikelihoodRatioOfPerfectAssociationIsKnown()
    {
        // Mahout's reference value for the table [[1, 0], [0, 1]] is 4 ln 2; [[10, 0], [0, 10]] gives 40 ln 2.
        Assert.Equal(4 * Math.Log(2), LogLikelihoodRatio.Score(1, 0, 0, 1), 12);
        Assert.Equal(40 * Math.Log(2), LogLikelihoodRatio.Score(10, 0, 0, 10), 12);
    }

    [Fact]
    public void LogLikelihoodRatioIsZeroForIndependentOrRepellingItems()
    {
        Assert.Equal(0, LogLikelihoodRatio.Score(5, 5, 5, 5));
        Assert.Equal(0, LogLikelihoodRatio.Score(1, 10, 10, 1));
    }

    [Fact]
    public void LogLikelihoodRatioGrowsWithEvidence() =>
        Assert.True(LogLikelihoodRatio.Score(20, 5, 5, 1000) > LogLikelihoodRatio.Score(2, 5, 5, 1000));

    [Fact]
    public void ViewedTogetherSumsSimilaritiesOverTheSessionsItems()
    {
        var recommender = Sessions.Trained(new CoOccurrenceRecommender(SimilarityMeasure.Count), Sessions.Of(1, A, C), Sessions.Of(2, B, C), Sessions.Of(3, A, B));

        var scores = recommender.Recommend([A, B], 10);

        // C shares a basket with A and one with B; A and B share one with each other.
        Assert.Equal([new(C, 2), new(A, 1), new(B, 1)], scores);
    }

    [Fact]
    public void ViewedTogetherCanAskForTheLastClickOnly()
    {
        var recommender = Sessions.Trained(new CoOccurrenceRecommender(SimilarityMeasure.Count, onlyLastItem: true), Sessions.Of(1, A, C), Sessions.Of(2, B, C));

        Assert.Equal([new(C, 1)], recommender.Recommend([A, B], 10));
    }
}
