using Orleans.Personalization.Grains.Catalog.State;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class NeighbourTableTests
{
    [Fact]
    public void SimilarityIsTheJaccardIndexOfBasketWeights()
    {
        // A in 4 baskets, B in 2, both in 1: 1 / (4 + 2 - 1) = 0.2. C in 1 basket, with A in it: 1 / (4 + 1 - 1) = 0.25.
        var table = new NeighbourTable();
        table.Add("B", 1, 2, capacity: 8);
        table.Add("C", 1, 1, capacity: 8);

        var top = table.Top(own: 4, count: 10);

        Assert.Equal(["C", "B"], top.Select(n => n.ProductId));
        Assert.Equal(0.25, top[0].Score, 12);
        Assert.Equal(0.2, top[1].Score, 12);
    }

    [Fact]
    public void AStalePartnerCountIsNeverBelowThePairItself()
    {
        var table = new NeighbourTable();
        table.Add("B", 3, partnerWeight: 1, capacity: 8);

        // Partner taken as 3: 3 / (5 + 3 - 3) = 0.6.
        Assert.Equal(0.6, table.Top(own: 5, count: 1)[0].Score, 12);
    }

    [Fact]
    public void RepeatedPairsAddUpAndKeepTheLatestPartnerCount()
    {
        var table = new NeighbourTable();
        table.Add("B", 1, 2, capacity: 8);
        table.Add("B", 0.5, 6, capacity: 8);

        var entry = Assert.Single(table.Entries);
        Assert.Equal(1.5, entry.Pair);
        Assert.Equal(6, entry.Partner);
    }

    [Fact]
    public void AFullTableGivesTheWeakestSlotToANewcomerWhichInheritsItsCountAsError()
    {
        var table = new NeighbourTable();
        table.Add("A", 5, 5, capacity: 2);
        table.Add("B", 2, 2, capacity: 2);

        table.Add("C", 1, 1, capacity: 2);

        Assert.Equal(["A", "C"], table.Entries.Select(e => e.ProductId));
        Assert.Equal(2, table.Entries[1].Error);
        Assert.Equal(1, table.Entries[1].Pair);
    }

    [Fact]
    public void AFrequentPartnerSurvivesAStreamOfOneOffPartners()
    {
        var table = new NeighbourTable();
        for (var i = 0; i < 200; i++)
        {
            table.Add("frequent", 1, 100, capacity: 4);
            table.Add($"rare-{i}", 1, 1, capacity: 4);
        }

        var frequent = Assert.Single(table.Entries, e => e.ProductId == "frequent");
        Assert.True(frequent.Pair >= 150, $"the frequent partner kept only {frequent.Pair} of its 200 pairs");
    }

    [Fact]
    public void EqualScoresAreOrderedByProductId()
    {
        var table = new NeighbourTable();
        table.Add("b", 1, 1, capacity: 8);
        table.Add("a", 1, 1, capacity: 8);

        Assert.Equal(["a", "b"], table.Top(own: 1, count: 2).Select(n => n.ProductId));
    }
}
