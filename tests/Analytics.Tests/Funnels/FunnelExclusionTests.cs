using Orleans.Personalization.Analytics.Funnels;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class FunnelExclusionTests
{
    // View → add → purchase, disqualified by removing a coupon between the add and the purchase.
    private static readonly FunnelDefinition Checkout = Funnel(Viewed, Added, Purchased) with
    {
        Exclusions = [new FunnelExclusion(CouponRemoved, FromStep: 1, ToStep: 2)],
    };

    [Fact]
    public void ExcludedEventBetweenTheTwoStepsRemovesTheAttempt()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1)), Event("alice", CouponRemoved, Min(2)),
            Event("alice", Purchased, Min(3)),
        ];

        // The attempt is gone as a whole, so alice is not even counted at the first step.
        Assert.Equal([0, 0, 0], FunnelEngine.Run(Checkout, events).Entered());
    }

    [Fact]
    public void ExcludedEventBeforeTheFromStepDoesNotRemoveTheAttempt()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", CouponRemoved, Min(1)), Event("alice", Added, Min(2)),
            Event("alice", Purchased, Min(3)),
        ];

        Assert.Equal([1, 1, 1], FunnelEngine.Run(Checkout, events).Entered());
    }

    [Fact]
    public void ExcludedEventAfterTheToStepDoesNotRemoveTheAttempt()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1)), Event("alice", Purchased, Min(2)),
            Event("alice", CouponRemoved, Min(3)),
        ];

        Assert.Equal([1, 1, 1], FunnelEngine.Run(Checkout, events).Entered());
    }

    [Fact]
    public void ExcludedEventAfterTheFromStepRemovesAnAttemptThatNeverReachedTheToStep()
    {
        AnalyticsEvent[] events = [Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1)), Event("alice", CouponRemoved, Min(2))];

        Assert.Equal([0, 0, 0], FunnelEngine.Run(Checkout, events).Entered());
    }

    [Fact]
    public void ExcludedEventAfterTheWindowOfAnUnfinishedAttemptIsIgnored()
    {
        AnalyticsEvent[] events = [Event("alice", Viewed, Days(0)), Event("alice", Added, Days(1)), Event("alice", CouponRemoved, Days(15))];

        Assert.Equal([1, 1, 0], FunnelEngine.Run(Checkout, events).Entered());
    }

    [Fact]
    public void CleanLaterAttemptCountsAfterAnExcludedOne()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1)), Event("alice", CouponRemoved, Min(2)),
            Event("alice", Viewed, Days(2)), Event("alice", Added, Days(2) + Min(1)), Event("alice", Purchased, Days(2) + Min(2)),
        ];

        var result = FunnelEngine.Run(Checkout, events);

        Assert.Equal([1, 1, 1], result.Entered());
        Assert.Equal(Min(2), result.TimeToComplete!.Median);
    }

    [Fact]
    public void PersonFallsBackToAShorterCleanAttemptWhenTheFurthestIsExcluded()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1)), Event("alice", CouponRemoved, Min(2)),
            Event("alice", Purchased, Min(3)), Event("alice", Viewed, Min(4)),
        ];

        // The attempt from the second view reaches only step 0, but nothing excludes it.
        Assert.Equal([1, 0, 0], FunnelEngine.Run(Checkout, events).Entered());
    }

    [Fact]
    public void ExclusionFiltersLimitWhichEventsExclude()
    {
        var funnel = Checkout with
        {
            Exclusions = [new FunnelExclusion(CouponRemoved, 1, 2) { Filters = [PropertyFilter.Equal("reason", "expired")] }],
        };
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1)), Event("alice", CouponRemoved, Min(2)).With("reason", "changed mind"),
            Event("alice", Purchased, Min(3)),
            Event("bob", Viewed, Min(0)), Event("bob", Added, Min(1)), Event("bob", CouponRemoved, Min(2)).With("reason", "expired"),
            Event("bob", Purchased, Min(3)),
        ];

        Assert.Equal([1, 1, 1], FunnelEngine.Run(funnel, events).Entered());
    }

    [Fact]
    public void ExclusionSpanningSeveralStepsCoversEveryEventBetweenThem()
    {
        var funnel = Checkout with { Exclusions = [new FunnelExclusion(CouponRemoved, 0, 2)] };
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", CouponRemoved, Min(1)), Event("alice", Added, Min(2)),
            Event("alice", Purchased, Min(3)),
        ];

        Assert.Equal([0, 0, 0], FunnelEngine.Run(funnel, events).Entered());
    }

    [Fact]
    public void StrictFunnelExcludesAnUnfinishedAttemptFollowedByTheExcludedEvent()
    {
        var funnel = Checkout with { Order = FunnelOrder.Strict };
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1)), Event("alice", CouponRemoved, Min(2)),
            Event("bob", Viewed, Min(0)), Event("bob", Added, Min(1)), Event("bob", Searched, Min(2)),
        ];

        // bob's search breaks his chain but excludes nothing.
        Assert.Equal([1, 1, 0], FunnelEngine.Run(funnel, events).Entered());
    }
}
