using Orleans.Personalization.Recommendations.Knn;
using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.Recommendations.Tests;

public class SessionKnnTests
{
    private const long A = 1, B = 2, C = 3, D = 4, E = 5;

    private static readonly SessionKnnOptions Plain = new()
    {
        PositionWeighting = PositionWeighting.Same,
        MatchWeighting = DistanceWeighting.Same,
    };

    [Fact]
    public void NeighboursVoteWithTheirSimilarity()
    {
        var knn = Sessions.Trained(new SessionKnn(Plain), Sessions.Of(1, A, B), Sessions.Of(2, A, C), Sessions.Of(3, D, E));

        // Both neighbours share A, the only current item: similarity 1 each.
        var scores = knn.Score([A]);

        Assert.Equal(new Dictionary<long, double> { [A] = 2, [B] = 1, [C] = 1 }, scores);
    }

    [Fact]
    public void LaterClicksOfTheCurrentSessionWeighMore()
    {
        var knn = Sessions.Trained(new SessionKnn(Plain with { PositionWeighting = PositionWeighting.Div }), Sessions.Of(1, A, B), Sessions.Of(2, A, C));

        // Current [B, A]: weights B = 1/2, A = 2/2; session 1 shares both: 1.5 / 2; session 2 shares A: 1 / 2.
        var scores = knn.Score([B, A]);

        Assert.Equal(0.75 + 0.5, scores[A], 12);
        Assert.Equal(0.75, scores[B], 12);
        Assert.Equal(0.5, scores[C], 12);
    }

    [Fact]
    public void ARepeatedItemKeepsTheWeightOfItsLatestPosition()
    {
        var knn = Sessions.Trained(new SessionKnn(Plain with { PositionWeighting = PositionWeighting.Div }), Sessions.Of(1, A, C));

        // Current [A, B, A]: A weighs 3/3, B 2/3; two distinct items, so similarity = 1 / 2.
        Assert.Equal(0.5, knn.Score([A, B, A])[C], 12);
    }

    [Fact]
    public void NeighboursMatchingOnlyOlderClicksAreDiscounted()
    {
        var knn = Sessions.Trained(new SessionKnn(Plain with { MatchWeighting = DistanceWeighting.Div }), Sessions.Of(1, A, C), Sessions.Of(2, B, D));

        // Current [A, B]: each neighbour has similarity 1/2; session 1 matches A, two clicks back, so its vote halves.
        var scores = knn.Score([A, B]);

        Assert.Equal(0.25, scores[C], 12);
        Assert.Equal(0.5, scores[D], 12);
    }

    [Fact]
    public void OnlyTheMostSimilarNeighboursVote()
    {
        var knn = Sessions.Trained(
            new SessionKnn(Plain with { Neighbours = 2 }),
            Sessions.At(1, 0, A, B, C),
            Sessions.At(2, 10, A, D),
            Sessions.At(3, 20, A, B, E));

        // Current [A, B]: sessions 1 and 3 share both items (similarity 1), session 2 only A (1/2).
        Assert.Equal(new[] { A, B, C, E }, knn.Score([A, B]).Keys.Order());
    }

    [Fact]
    public void EqualSimilaritiesFavourTheMoreRecentNeighbour()
    {
        var knn = Sessions.Trained(new SessionKnn(Plain with { Neighbours = 1 }), Sessions.At(1, 0, A, B, C), Sessions.At(3, 20, A, B, E));

        Assert.Equal(new[] { A, B, E }, knn.Score([A, B]).Keys.Order());
    }

    [Fact]
    public void OnlyTheMostRecentSampleOfCandidateSessionsIsCompared()
    {
        var knn = Sessions.Trained(new SessionKnn(Plain with { SampleSize = 1 }), Sessions.At(1, 100, A, B), Sessions.At(2, 0, A, C));

        Assert.Equal(new[] { A, B }, knn.Score([A]).Keys.Order());
    }

    [Fact]
    public void IdfWeightingBoostsRareItems()
    {
        var knn = Sessions.Trained(new SessionKnn(Plain with { IdfWeighting = 2 }), Sessions.Of(1, A, B), Sessions.Of(2, A, C), Sessions.Of(3, A, C));

        // B: clicked once in 3 sessions, idf ln 3; vote 1 · (1 + 2 ln 3). C: idf ln 1.5, two votes.
        var scores = knn.Score([A]);

        Assert.Equal(1 + (2 * Math.Log(3)), scores[B], 12);
        Assert.Equal(2 * (1 + (2 * Math.Log(1.5))), scores[C], 12);
    }

    [Fact]
    public void WithoutRemindingItemsAlreadyClickedAreNotRecommended()
    {
        var knn = Sessions.Trained(new SessionKnn(Plain with { Remind = false }), Sessions.Of(1, A, B));

        Assert.Equal([new(B, 1)], knn.Recommend([A], 10));
    }

    [Fact]
    public void StanItemWeightingFavoursItemsClickedNearTheSharedOne()
    {
        var knn = Sessions.Trained(new SessionKnn(Plain with { NeighbourPositionDecay = 1 }), Sessions.Of(1, A, B, C, D));

        var scores = knn.Score([B]);

        Assert.Equal(Math.Exp(-1), scores[A], 12);
        Assert.Equal(1, scores[B], 12);
        Assert.Equal(Math.Exp(-1), scores[C], 12);
        Assert.Equal(Math.Exp(-2), scores[D], 12);
    }

    [Theory]
    [InlineData(SessionSimilarity.Cosine, 1 / 2.0)]
    [InlineData(SessionSimilarity.Jaccard, 1 / 3.0)]
    [InlineData(SessionSimilarity.Vector, 1 / 2.0)]
    public void SimilaritiesFollowTheirFormulas(SessionSimilarity similarity, double expected)
    {
        // Current {A, B}, past {A, C}: one shared item.
        var knn = Sessions.Trained(new SessionKnn(Plain with { Similarity = similarity }), Sessions.Of(1, A, C));

        Assert.Equal(expected, knn.Score([A, B])[C], 12);
    }

    [Theory]
    [InlineData(PositionWeighting.Same, 1)]
    [InlineData(PositionWeighting.Div, 0.5)]
    [InlineData(PositionWeighting.Quadratic, 0.25)]
    [InlineData(PositionWeighting.Linear, 0.8)]
    public void PositionWeightsFollowTheirFormulas(PositionWeighting weighting, double expected) =>
        Assert.Equal(expected, weighting.Weight(2, 4), 12);

    [Fact]
    public void AnEmptySessionGetsNothing() =>
        Assert.Empty(Sessions.Trained(new SessionKnn(), Sessions.Of(1, A, B)).Recommend([], 10));
}
