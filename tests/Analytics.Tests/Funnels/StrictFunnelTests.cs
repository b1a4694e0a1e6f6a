using Orleans.Personalization.Analytics.Funnels;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class StrictFunnelTests
{
    private static readonly FunnelDefinition Strict = Funnel(Viewed, Added, Purchased) with { Order = FunnelOrder.Strict };

    [Fact]
    public void StrictFunnelCountsConsecutiveSteps()
    {
        AnalyticsEvent[] events = [Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1)), Event("alice", Purchased, Min(2))];

        Assert.Equal([1, 1, 1], FunnelEngine.Run(Strict, events).Entered());
    }

    [Fact]
    public void StrictFunnelDropsAttemptWithEventBetweenSteps()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Searched, Min(1)), Event("alice", Added, Min(2)),
            Event("alice", Purchased, Min(3)),
        ];

        // The search breaks the chain after the view; ordered mode lets it through.
        Assert.Equal([1, 0, 0], FunnelEngine.Run(Strict, events).Entered());
        Assert.Equal([1, 1, 1], FunnelEngine.Run(Strict with { Order = FunnelOrder.Ordered }, events).Entered());
    }

    [Fact]
    public void StrictFunnelTreatsAnEventFailingTheStepFilterAsAnInterruption()
    {
        var funnel = new FunnelDefinition([new FunnelStep(Viewed), new FunnelStep(Added, [PropertyFilter.Equal("category", "shoes")])])
        {
            Order = FunnelOrder.Strict,
        };
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1)).With("category", "hats"),
            Event("alice", Added, Min(2)).With("category", "shoes"),
        ];

        Assert.Equal([1, 0], FunnelEngine.Run(funnel, events).Entered());
    }

    [Fact]
    public void StrictFunnelRetriesFromALaterFirstStep()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Searched, Min(1)),
            Event("alice", Viewed, Min(2)), Event("alice", Added, Min(3)),
        ];

        Assert.Equal([1, 1, 0], FunnelEngine.Run(Strict, events).Entered());
    }

    [Fact]
    public void StrictFunnelIsNotInterruptedByOtherPeoplesEvents()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("bob", Searched, Min(1)), Event("alice", Added, Min(2)),
            Event("bob", Viewed, Min(3)), Event("alice", Purchased, Min(4)),
        ];

        Assert.Equal([2, 1, 1], FunnelEngine.Run(Strict, events).Entered());
    }
}
