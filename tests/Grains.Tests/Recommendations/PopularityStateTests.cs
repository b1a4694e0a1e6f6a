using Orleans.Personalization.Grains.Recommendations.Popularity;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class PopularityStateTests
{
    private const long T0 = 1_772_000_000_000;

    [Fact]
    public void AProductKeepsItsLargestObservedScore()
    {
        var list = new TopList();
        list.Offer("a", 3, capacity: 5);
        list.Offer("a", 2, capacity: 5);

        Assert.Equal(3, list.Scores["a"]);
        Assert.False(list.WouldChange("a", 3, capacity: 5));
        Assert.True(list.WouldChange("a", 4, capacity: 5));
    }

    [Fact]
    public void AFullListTakesANewcomerOnlyIfItBeatsTheWeakest()
    {
        var list = new TopList();
        list.Offer("a", 3, capacity: 2);
        list.Offer("b", 1, capacity: 2);

        list.Offer("c", 0.5, capacity: 2);
        list.Offer("d", 2, capacity: 2);

        Assert.Equal(["a", "d"], list.Ranked(5).Select(p => p.ProductId));
    }

    [Fact]
    public void EqualScoresRankByProductId()
    {
        var list = new TopList();
        list.Offer("b", 1, capacity: 2);
        list.Offer("a", 1, capacity: 2);
        list.Offer("c", 1, capacity: 2);

        Assert.Equal(["a", "b"], list.Ranked(5).Select(p => p.ProductId));
    }

    [Fact]
    public void ObservationsRankEveryLevelOfTheCategoryPath()
    {
        var state = new PopularityState();

        state.Apply(new PopularityObserved
        {
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(T0),
            Observations =
            [
                new PopularityObservation("boot", ["Shoes", "Boots"], Popular: 5, Trending: 1, T0),
                new PopularityObservation("runner", ["Shoes", "Running"], Popular: 2, Trending: 4, T0),
            ],
        });

        var lists = state.ToLists(10, 10);
        Assert.Equal(["boot", "runner"], lists.Popular.Select(p => p.ProductId));
        Assert.Equal(["runner", "boot"], lists.Trending.Select(p => p.ProductId));
        Assert.Equal(["runner", "boot"], lists.Categories["Shoes"].Trending.Select(p => p.ProductId));
        Assert.Equal(["boot"], lists.Categories["Shoes > Boots"].Popular.Select(p => p.ProductId));
        Assert.Equal(["Shoes", "Shoes > Boots", "Shoes > Running"], lists.Categories.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ATrendingScoreObservedSixHoursLaterCountsDouble()
    {
        var state = new PopularityState();
        var sixHours = (long)TimeSpan.FromHours(6).TotalMilliseconds;

        state.Apply(new PopularityObserved
        {
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(T0),
            Observations = [new PopularityObservation("a", [], 1, 3, T0), new PopularityObservation("b", [], 1, 2, T0 + sixHours)],
        });

        Assert.Equal(["b", "a"], state.ToLists(5, 5).Trending.Select(p => p.ProductId));
        Assert.Equal(4, state.Trending.Scores["b"], 12);
    }
}
