using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class RecommendationIdsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);

    [Theory]
    [InlineData(Placement.Home)]
    [InlineData(Placement.ProductPage)]
    [InlineData(Placement.OrderConfirmation)]
    public void AnIdTellsItsPlacement(Placement placement)
    {
        var id = RecommendationIds.New(placement, [Item("p1", "co-view")], Now);

        Assert.True(RecommendationIds.TryParse(id, out var parsed));
        Assert.Equal(placement, parsed);
        Assert.StartsWith($"rec_{placement.Name()}_", id, StringComparison.Ordinal);
    }

    [Fact]
    public void IdsCarryDistinctVersion7UuidsInTimeOrder()
    {
        var earlier = RecommendationIds.NewUuid(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var later = RecommendationIds.NewUuid(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_001));

        Assert.Equal(7, earlier.Version);
        Assert.Equal(0b10, earlier.Variant >> 2);
        Assert.StartsWith("018bcfe56800", earlier.ToString("N"), StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(earlier.ToString("N"), later.ToString("N")) < 0);
        var ids = Enumerable.Range(0, 10_000).Select(static _ => RecommendationIds.New(Placement.Home, [], Now)).ToHashSet();
        Assert.Equal(10_000, ids.Count);
        Assert.All(ids, static id => Assert.Equal("rec_home_".Length + 32, id.Length));
    }

    [Fact]
    public void EachServedProductIsFoundWithItsStrategyAndPosition()
    {
        var strategies = StrategyNames.All;
        var items = Enumerable.Range(0, 100).Select(i => Item($"product-{i}", strategies[i % strategies.Count])).ToArray();

        var id = RecommendationIds.New(Placement.Cart, items, Now);

        Assert.Equal("rec_cart_".Length + 32 + 1 + (5 * 100), id.Length);
        for (var i = 0; i < items.Length; i++)
        {
            Assert.True(RecommendationIds.TryFindServed(id, items[i].ProductId, null, out var strategy, out var position));
            Assert.Equal((items[i].Strategy, i + 1), (strategy.Name(), position));
        }
    }

    [Fact]
    public void AProductThatWasNotServedIsNotFound()
    {
        var id = RecommendationIds.New(Placement.Home, [Item("boot", "co-view"), Item("sock", "trending")], Now);

        var strangers = Enumerable.Range(0, 10_000).Count(i => RecommendationIds.TryFindServed(id, $"other-{i}", null, out _, out _));

        // Two tags of 21 bits: a stranger matches one with probability 2 / 2,097,152.
        Assert.InRange(strangers, 0, 1);
        Assert.False(RecommendationIds.TryFindServed(RecommendationIds.New(Placement.Home, [], Now), "boot", 1, out _, out _));
        Assert.False(RecommendationIds.TryFindServed("rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61", "boot", 1, out _, out _));
    }

    [Fact]
    public void TwoServedProductsWithOneTagAreToldApartByTheReportedPosition()
    {
        // The same product id twice stands for two ids sharing a tag.
        var id = RecommendationIds.New(Placement.Home, [Item("boot", "co-view"), Item("sock", "trending"), Item("boot", "popular")], Now);

        Assert.True(RecommendationIds.TryFindServed(id, "boot", null, out var first, out var firstPosition));
        Assert.True(RecommendationIds.TryFindServed(id, "boot", 3, out var reported, out var reportedPosition));
        Assert.True(RecommendationIds.TryFindServed(id, "boot", 2, out var wrong, out var wrongPosition));

        Assert.Equal((RecommendationStrategy.CoView, 1), (first, firstPosition));
        Assert.Equal((RecommendationStrategy.Popular, 3), (reported, reportedPosition));
        Assert.Equal((RecommendationStrategy.CoView, 1), (wrong, wrongPosition));
    }

    [Fact]
    public void TheIdInTheDocumentationStillAttributes()
    {
        // docs/recommendations.md shows this id. Clients hold ids: the tag must never change between releases.
        const string Id = "rec_product_page_01a212834ca87f228211427c2303ea12_7ob6e634j32erre";

        Assert.True(RecommendationIds.TryFindServed(Id, "mat-foam", null, out var mat, out var matPosition));
        Assert.True(RecommendationIds.TryFindServed(Id, "pegs-12", null, out var pegs, out var pegsPosition));

        Assert.Equal((RecommendationStrategy.CoView, 1), (mat, matPosition));
        Assert.Equal((RecommendationStrategy.CoPurchase, 3), (pegs, pegsPosition));
        Assert.Contains(Id, File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "recommendations.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnIdWithoutServedProductsStillParses() =>
        Assert.True(RecommendationIds.TryParse("rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61", out _));

    [Theory]
    [InlineData("")]
    [InlineData("rec_home_123")]
    [InlineData("rec_attic_0197c6f2a0d87b3e9d1c5f0a8b2e4d61")]
    [InlineData("rec_home_0197C6F2A0D87B3E9D1C5F0A8B2E4D61")]
    [InlineData("home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61")]
    [InlineData("rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61_")]
    [InlineData("rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61x3k1p0")]
    [InlineData("rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61_3k1")]
    [InlineData("rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61_3K1P0")]
    [InlineData("rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61_wk1p0")]
    [InlineData("rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61_ik1p0")]
    public void ASomethingElseIsNotAnId(string id) => Assert.False(RecommendationIds.TryParse(id, out _));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "Orleans.Personalization.sln")))
        {
            directory = directory.Parent!;
        }

        return directory.FullName;
    }

    private static RecommendedItem Item(string productId, string strategy) => new(productId, 1, strategy, "because", null, null, null, null);
}
