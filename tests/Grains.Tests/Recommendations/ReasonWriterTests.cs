using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class ReasonWriterTests
{
    private static readonly Dictionary<string, SeedOrigin> Origins = new() { ["seen"] = SeedOrigin.Viewed, ["page"] = SeedOrigin.OnScreen };

    [Theory]
    [InlineData(RecommendationStrategy.CoPurchase, "page", "bought with Page product")]
    [InlineData(RecommendationStrategy.CoCart, "page", "often in a cart with Page product")]
    [InlineData(RecommendationStrategy.CoView, "seen", "because you viewed Seen product")]
    [InlineData(RecommendationStrategy.CoView, "page", "viewed with Page product")]
    [InlineData(RecommendationStrategy.SessionNeighbours, "seen", "because you viewed Seen product")]
    [InlineData(RecommendationStrategy.CategoryTrending, "Shoes > Running", "trending in Running")]
    [InlineData(RecommendationStrategy.CategoryTrending, "shoes", "trending in shoes")]
    [InlineData(RecommendationStrategy.Trending, null, "trending now")]
    [InlineData(RecommendationStrategy.Popular, null, "popular in the store")]
    [InlineData(RecommendationStrategy.Search, "rain jacket", "matches \"rain jacket\"")]
    [InlineData(RecommendationStrategy.Pinned, null, "featured")]
    public void EachStrategySaysWhy(RecommendationStrategy strategy, string? via, string expected)
    {
        var item = new RankedItem("x", 1, strategy, via, null);

        Assert.Equal(expected, ReasonWriter.Write(item, Origins, id => id == "seen" ? "Seen product" : "Page product"));
    }
}
