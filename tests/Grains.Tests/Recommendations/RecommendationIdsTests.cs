using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class RecommendationIdsTests
{
    [Theory]
    [InlineData(Placement.Home)]
    [InlineData(Placement.ProductPage)]
    [InlineData(Placement.OrderConfirmation)]
    public void AnIdTellsItsPlacement(Placement placement)
    {
        var id = RecommendationIds.New(placement);

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
        var ids = Enumerable.Range(0, 10_000).Select(static _ => RecommendationIds.New(Placement.Home)).ToHashSet();
        Assert.Equal(10_000, ids.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("rec_home_123")]
    [InlineData("rec_attic_0197c6f2a0d87b3e9d1c5f0a8b2e4d61")]
    [InlineData("rec_home_0197C6F2A0D87B3E9D1C5F0A8B2E4D61")]
    [InlineData("home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61")]
    public void ASomethingElseIsNotAnId(string id) => Assert.False(RecommendationIds.TryParse(id, out _));
}
