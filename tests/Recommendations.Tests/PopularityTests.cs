using Orleans.Personalization.Recommendations.Popularity;

namespace Orleans.Personalization.Recommendations.Tests;

public class PopularityTests
{
    private const long A = 1, B = 2, C = 3;
    private const double Day = 86_400;

    [Fact]
    public void WithoutDecayPopularityIsAClickCount()
    {
        var popularity = Sessions.Trained(new TimeDecayedPopularity(), Sessions.Of(1, A, B, B), Sessions.Of(2, C, B, A));

        Assert.Equal([new(B, 3), new(A, 2), new(C, 1)], popularity.Recommend([], 10));
    }

    [Fact]
    public void AClickLosesHalfItsWeightEveryHalfLife()
    {
        var popularity = new TimeDecayedPopularity(halfLifeSeconds: Day);
        popularity.Add(A, 0);
        popularity.Add(A, 0);
        popularity.Add(B, Day);

        Assert.Equal(0.5, popularity.ScoreAt(A, 2 * Day), 12);
        Assert.Equal(0.5, popularity.ScoreAt(B, 2 * Day), 12);
        Assert.Equal(2, popularity.ScoreAt(A, 0), 12);
    }

    [Fact]
    public void RecentClicksOutrankOlderOnes()
    {
        var popularity = new TimeDecayedPopularity(halfLifeSeconds: Day);
        popularity.Add(A, 0);
        popularity.Add(A, 0);
        popularity.Add(A, 0);
        popularity.Add(B, 2 * Day);
        popularity.Add(B, 2 * Day);

        // A: 3 clicks now worth 3/4; B: 2 fresh clicks.
        Assert.Equal([B, A], popularity.Recommend([], 10).Select(s => s.ItemId));
    }

    [Fact]
    public void WeightsSurviveTheRescalingThatPreventsOverflow()
    {
        var popularity = new TimeDecayedPopularity(halfLifeSeconds: 1);
        popularity.Add(A, 0);
        popularity.Add(B, 600);

        // 600 half-lives apart: 2^600 would overflow without moving the reference time.
        Assert.Equal(1, popularity.ScoreAt(B, 600), 12);
        Assert.Equal(Math.Pow(2, -600), popularity.ScoreAt(A, 600), 12);
        Assert.Equal(B, popularity.Recommend([], 1)[0].ItemId);
    }

    [Fact]
    public void TheRankingFollowsNewClicks()
    {
        var popularity = new TimeDecayedPopularity();
        popularity.Add(A, 0);
        Assert.Equal(A, popularity.Recommend([], 1)[0].ItemId);

        popularity.Add(B, 1);
        popularity.Add(B, 2);
        Assert.Equal(B, popularity.Recommend([], 1)[0].ItemId);
    }
}
