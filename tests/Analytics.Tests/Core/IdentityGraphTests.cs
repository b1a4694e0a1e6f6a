namespace Orleans.Personalization.Analytics.Tests.Core;

public sealed class IdentityGraphTests
{
    [Fact]
    public void UnmergedIdIsItsOwnPerson()
    {
        Assert.Equal("cookie-1", new IdentityGraph().Resolve("cookie-1"));
    }

    [Fact]
    public void KnownPersonStaysTheRepresentativeThroughLaterMerges()
    {
        var identities = new IdentityGraph();
        identities.Merge("cookie-1", "user-1");
        identities.Merge("cookie-2", "cookie-1"); // a second device found to be the first cookie

        Assert.Equal("user-1", identities.Resolve("cookie-2"));
        Assert.Equal("user-1", identities.Resolve("user-1"));
    }

    [Fact]
    public void MergingTwiceOrInACircleChangesNothing()
    {
        var identities = new IdentityGraph();
        identities.Merge("cookie-1", "user-1");
        identities.Merge("cookie-1", "user-1");
        identities.Merge("user-1", "cookie-1"); // already one person: no cycle is created

        Assert.Equal(1, identities.MergedIds);
        Assert.Equal(identities.Resolve("user-1"), identities.Resolve("cookie-1"));
    }

    [Fact]
    public void LongChainsResolveAndAreShortenedOnTheWay()
    {
        var identities = new IdentityGraph();
        for (var i = 0; i < 10_000; i++)
        {
            identities.Merge($"id-{i}", $"id-{i + 1}");
        }

        Assert.Equal("id-10000", identities.Resolve("id-0"));
        Assert.Equal("id-10000", identities.Resolve("id-5000"));
    }

    [Fact]
    public void ProjectionRewritesOnlyThePersonId()
    {
        var identities = new IdentityGraph();
        identities.Merge("cookie-1", "user-1");
        var e = new AnalyticsEvent("cookie-1", "s1", DateTimeOffset.UnixEpoch, "Page Viewed") { Device = "mobile" };

        Assert.Equal(e with { PersonId = "user-1" }, identities.Project(e));
        Assert.Same(e, new IdentityGraph().Project(e));
    }
}
