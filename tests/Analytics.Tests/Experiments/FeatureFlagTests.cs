using Orleans.Personalization.Analytics.Experiments;

namespace Orleans.Personalization.Analytics.Tests.Experiments;

public sealed class FeatureFlagTests
{
    private static readonly string[] People = Enumerable.Range(0, 40_000).Select(i => $"p{i}").ToArray();

    [Fact]
    public void RolloutTurnsTheFlagOnForItsShareOfShoppers()
    {
        var flag = new FeatureFlag("new-search", 25);

        Assert.Equal(0.25, People.Count(p => flag.IsEnabledFor(p, null)) / (double)People.Length, 0.01);
        Assert.DoesNotContain(People, p => (flag with { RolloutPercent = 0 }).IsEnabledFor(p, null));
        Assert.All(People, p => Assert.True((flag with { RolloutPercent = 100 }).IsEnabledFor(p, null)));
    }

    [Fact]
    public void RaisingTheRolloutKeepsEveryShopperWhoHadTheFlag()
    {
        var at10 = new FeatureFlag("new-search", 10);
        var at35 = at10 with { RolloutPercent = 35 };

        Assert.All(People.Where(p => at10.IsEnabledFor(p, null)), p => Assert.True(at35.IsEnabledFor(p, null)));
    }

    [Fact]
    public void FlagUsesTheDocumentedBucket()
    {
        // "flag:10:new-search:user-1" hashes to bucket 9606 (see AssignmentTests): on at 96.07%, off at 96.06%.
        Assert.True(new FeatureFlag("new-search", 96.07).IsEnabledFor("user-1", null));
        Assert.False(new FeatureFlag("new-search", 96.06).IsEnabledFor("user-1", null));
    }

    [Fact]
    public void FlagHonoursTargeting()
    {
        var flag = new FeatureFlag("vip-lounge", 100) { Targeting = [PropertyFilter.Equal("plan", "gold")] };

        Assert.True(flag.IsEnabledFor("a", new Dictionary<string, string> { ["plan"] = "gold" }));
        Assert.False(flag.IsEnabledFor("a", new Dictionary<string, string> { ["plan"] = "free" }));
        Assert.False(flag.IsEnabledFor("a", null));
    }
}
