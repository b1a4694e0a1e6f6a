namespace Orleans.Personalization.Recommendations.Tests;

public class TopItemsTests
{
    [Fact]
    public void TheBestComeFirstAndEqualScoresKeepTheirOrder()
    {
        ItemScore[] candidates = [new(5, 1), new(3, 2), new(9, 1), new(4, 2)];

        Assert.Equal([new(3, 2), new(4, 2), new(5, 1)], TopItems.Select(candidates, 3));
    }

    [Fact]
    public void ItemsWithoutAPositiveScoreAreNotRecommended() =>
        Assert.Equal([new(1, 0.5)], TopItems.Select([new ItemScore(1, 0.5), new(2, 0), new(3, -1)], 10));

    [Fact]
    public void ScoreDictionariesBreakTiesBySmallerItemId() =>
        Assert.Equal([new(2, 1), new(7, 1)], TopItems.Select(new Dictionary<long, double> { [7] = 1, [2] = 1 }, 10));
}
