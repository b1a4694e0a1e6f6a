using Orleans.Personalization.Analytics.Funnels;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class FunnelIdentityMergeTests
{
    [Fact]
    public void MergedAnonymousAndKnownIdsCountAsOnePerson()
    {
        AnalyticsEvent[] events =
        [
            Event("anon-1", Viewed, Min(0)), Event("anon-1", Added, Min(1)),
            Event("user-1", Purchased, Min(5)), // bought after logging in
        ];
        var identities = new IdentityGraph();
        identities.Merge("anon-1", "user-1");

        Assert.Equal([1, 1, 0], FunnelEngine.Run(Funnel(Viewed, Added, Purchased), events).Entered());
        Assert.Equal([1, 1, 1], FunnelEngine.Run(Funnel(Viewed, Added, Purchased), events, identities).Entered());
    }

    [Fact]
    public void PersonWhoConvertedUnderBothIdsIsCountedOnce()
    {
        AnalyticsEvent[] events =
        [
            Event("anon-1", Viewed, Min(0)), Event("anon-1", Added, Min(1)),
            Event("user-1", Viewed, Min(2)), Event("user-1", Added, Min(3)),
        ];
        var identities = new IdentityGraph();
        identities.Merge("anon-1", "user-1");

        Assert.Equal([1, 1], FunnelEngine.Run(Funnel(Viewed, Added), events, identities).Entered());
    }

    [Fact]
    public void ChainedMergesResolveToTheKnownPerson()
    {
        // A phone cookie merged into a laptop cookie, which later logged in.
        var identities = new IdentityGraph();
        identities.Merge("phone-cookie", "laptop-cookie");
        identities.Merge("laptop-cookie", "user-7");
        AnalyticsEvent[] events =
        [
            Event("phone-cookie", Viewed, Min(0)), Event("laptop-cookie", Added, Min(10)), Event("user-7", Purchased, Min(20)),
        ];

        Assert.Equal("user-7", identities.Resolve("phone-cookie"));
        Assert.Equal([1, 1, 1], FunnelEngine.Run(Funnel(Viewed, Added, Purchased), events, identities).Entered());
    }
}
