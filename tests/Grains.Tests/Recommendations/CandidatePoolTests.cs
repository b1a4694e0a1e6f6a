using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class CandidatePoolTests
{
    [Fact]
    public void EachStrategyIsScaledByItsBestScoreThenWeightedAndSummed()
    {
        var pool = new CandidatePool();
        pool.Add("x", RecommendationStrategy.CoView, 2, "seed-1");
        pool.Add("y", RecommendationStrategy.CoView, 1, "seed-1");
        pool.Add("y", RecommendationStrategy.Trending, 4, null);
        pool.Add("z", RecommendationStrategy.Trending, 2, null);

        var blended = pool.Blend(Weights(("co-view", 1.0), ("trending", 0.5)));

        // x: 1·2/2 = 1; y: 1·1/2 + 0.5·4/4 = 1; z: 0.5·2/4 = 0.25. x and y tie: product id order.
        Assert.Equal([("x", 1.0), ("y", 1.0), ("z", 0.25)], blended.Select(b => (b.ProductId, b.Score)));
    }

    [Fact]
    public void TheStrategyWithTheLargestWeightedShareNamesTheProductAndTiesGoToTheEarlierStrategy()
    {
        var pool = new CandidatePool();
        pool.Add("y", RecommendationStrategy.CoView, 1, "seed-1");
        pool.Add("y", RecommendationStrategy.Trending, 1, null);
        pool.Add("w", RecommendationStrategy.CoPurchase, 1, "seed-2");
        pool.Add("w", RecommendationStrategy.CoView, 1, "seed-3");

        var blended = pool.Blend(Weights(("co-view", 1.0), ("trending", 1.0), ("co-purchase", 1.0))).ToDictionary(b => b.ProductId);

        Assert.Equal((RecommendationStrategy.CoView, "seed-1"), (blended["y"].Strategy, blended["y"].Via));
        Assert.Equal((RecommendationStrategy.CoPurchase, "seed-2"), (blended["w"].Strategy, blended["w"].Via));
    }

    [Fact]
    public void ScoresFromSeveralSeedsAddUpAndTheStrongestSeedIsTheReason()
    {
        var pool = new CandidatePool();
        pool.Add("y", RecommendationStrategy.CoView, 0.2, "weak-seed");
        pool.Add("y", RecommendationStrategy.CoView, 0.5, "strong-seed");

        var only = Assert.Single(pool.Blend(Weights(("co-view", 2.0))));

        Assert.Equal(2.0, only.Score, 12);
        Assert.Equal("strong-seed", only.Via);
    }

    [Fact]
    public void AStrategyWeightedZeroAddsNothing()
    {
        var pool = new CandidatePool();
        pool.Add("y", RecommendationStrategy.Popular, 3, null);

        Assert.Empty(pool.Blend(Weights(("co-view", 1.0))));
    }

    [Fact]
    public void ARentedPoolKeepsNothingFromItsPreviousUse()
    {
        var first = CandidatePool.Rent();
        first.Add("x", RecommendationStrategy.CoView, 5, "seed-1");
        first.Add("y", RecommendationStrategy.Trending, 3, null);
        _ = first.Blend(Weights(("co-view", 1.0), ("trending", 1.0)));
        first.Return();

        var second = CandidatePool.Rent();
        second.Add("y", RecommendationStrategy.CoView, 1, "seed-2");
        var blended = second.Blend(Weights(("co-view", 1.0), ("trending", 1.0)));
        second.Return();

        // The same pool on this thread, reused: y has only its new co-view score (scaled by the new best), x is gone.
        Assert.Same(first, second);
        var only = Assert.Single(blended);
        Assert.Equal(("y", 1.0, RecommendationStrategy.CoView, "seed-2"), (only.ProductId, only.Score, only.Strategy, only.Via));
    }

    [Fact]
    public void ManyCandidatesGrowThePoolAndComeOutBestFirstWithTiesInIdOrder()
    {
        var pool = new CandidatePool();
        for (var i = 0; i < 1000; i++)
        {
            pool.Add($"p{i:D4}", RecommendationStrategy.Popular, 1 + (i % 7), null);
        }

        var blended = pool.Blend(Weights(("popular", 1.0)));

        Assert.Equal(1000, blended.Length);
        Assert.Equal(
            blended.OrderByDescending(b => b.Score).ThenBy(b => b.ProductId, StringComparer.Ordinal).Select(b => b.ProductId),
            blended.Select(b => b.ProductId));
        Assert.Equal("p0006", blended[0].ProductId);
    }

    [Fact]
    public void ALaterStretchOfTheRankingIsCopiedAsTheWholeBlendHasIt()
    {
        var pool = new CandidatePool();
        for (var i = 0; i < 40; i++)
        {
            pool.Add($"p{i:D2}", RecommendationStrategy.CoView, 1 + (i % 9), $"seed{i % 3}");
            pool.Add($"p{i:D2}", RecommendationStrategy.Trending, i % 4, null);
        }

        var options = Weights(("co-view", 1.0), ("trending", 0.5));
        var whole = pool.Blend(options);

        Assert.Equal(whole.Length, pool.Rank(options));
        var stretch = new BlendedCandidate[15];
        pool.CopyRanked(10, stretch);
        Assert.Equal(whole[10..25], stretch);

        // Past the end, only what exists is copied.
        var tail = new BlendedCandidate[10];
        pool.CopyRanked(35, tail);
        Assert.Equal(whole[35..], tail[..5]);
        Assert.All(tail[5..], static c => Assert.Equal(default, c));
    }

    internal static PlacementOptions Weights(params (string Strategy, double Weight)[] weights) => new()
    {
        Weights = weights.ToDictionary(w => w.Strategy, w => w.Weight),
        CategoryAffinityBoost = 0,
        PriceFitBoost = 0,
        MaxPerCategory = 0,
        ExcludeViewedInSession = false,
    };
}
