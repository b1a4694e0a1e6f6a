using Orleans.Personalization.Analytics.Funnels;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class OrderedFunnelTests
{
    [Fact]
    public void OrderedFunnelCountsEachPersonOnceAtTheFurthestStepReached()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(5)), Event("alice", Purchased, Min(9)),
            Event("bob", Viewed, Min(1)), Event("bob", Added, Min(2)),
            Event("carol", Viewed, Min(3)),
            Event("dave", Added, Min(1)), Event("dave", Purchased, Min(2)), // never viewed: not in the funnel
        ];

        var result = FunnelEngine.Run(Funnel(Viewed, Added, Purchased), events);

        // Entered: alice, bob, carol viewed; alice and bob added; alice purchased.
        Assert.Equal([3, 2, 1], result.Entered());
        Assert.Equal([2, 1, 1], result.Steps.Select(s => s.Converted));
        Assert.Equal([1, 1, 0], result.Steps.Select(s => s.DroppedOff));
        Assert.Equal([1.0, 2.0 / 3, 1.0 / 3], result.Steps.Select(s => s.ConversionFromFirst));
        Assert.Equal([1.0, 2.0 / 3, 1.0 / 2], result.Steps.Select(s => s.ConversionFromPrevious));
    }

    [Fact]
    public void OrderedFunnelAllowsOtherEventsBetweenSteps()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Searched, Min(1)), Event("alice", PageViewed, Min(2)),
            Event("alice", Added, Min(3)),
        ];

        Assert.Equal([1, 1], FunnelEngine.Run(Funnel(Viewed, Added), events).Entered());
    }

    [Fact]
    public void OrderedFunnelIgnoresAStepDoneBeforeItsPredecessor()
    {
        AnalyticsEvent[] events = [Event("alice", Added, Min(0)), Event("alice", Viewed, Min(1))];

        Assert.Equal([1, 0], FunnelEngine.Run(Funnel(Viewed, Added), events).Entered());
    }

    [Fact]
    public void OrderedFunnelCountsRepeatedEventsOncePerPerson()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Viewed, Min(1)), Event("alice", Viewed, Min(2)),
            Event("alice", Added, Min(3)), Event("alice", Added, Min(4)),
        ];

        Assert.Equal([1, 1], FunnelEngine.Run(Funnel(Viewed, Added), events).Entered());
    }

    [Fact]
    public void OrderedFunnelNeedsADistinctEventForEachRepeatedStep()
    {
        var funnel = Funnel(Viewed, Viewed, Added);
        AnalyticsEvent[] once = [Event("alice", Viewed, Min(0)), Event("alice", Added, Min(1))];
        AnalyticsEvent[] twice = [Event("bob", Viewed, Min(0)), Event("bob", Viewed, Min(1)), Event("bob", Added, Min(2))];

        Assert.Equal([1, 0, 0], FunnelEngine.Run(funnel, once).Entered());
        Assert.Equal([1, 1, 1], FunnelEngine.Run(funnel, twice).Entered());
    }

    [Fact]
    public void OrderedFunnelStepMatchesOnlyEventsPassingEveryFilter()
    {
        var funnel = new FunnelDefinition(
        [
            new FunnelStep(Viewed, [PropertyFilter.Equal("category", "shoes")]),
            new FunnelStep(Purchased, [new PropertyFilter("revenue", FilterOperator.GreaterOrEqual, "50")]),
        ]);
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)).With("category", "shoes"), Event("alice", Purchased, Min(1)).With("revenue", "80.00"),
            Event("bob", Viewed, Min(0)).With("category", "hats"), Event("bob", Purchased, Min(1)).With("revenue", "80"),
            Event("carol", Viewed, Min(0)).With("category", "shoes"), Event("carol", Purchased, Min(1)).With("revenue", "49.99"),
            Event("dave", Viewed, Min(0)).With("category", "shoes"), Event("dave", Purchased, Min(1)).With("revenue", "n/a"),
        ];

        // alice: both filters hold; bob: wrong category; carol: revenue below 50; dave: revenue is not a number.
        Assert.Equal([3, 1], FunnelEngine.Run(funnel, events).Entered());
    }

    [Fact]
    public void OrderedFunnelCountsALaterAttemptThatGoesFurther()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Days(0)),
            Event("alice", Viewed, Days(20)), Event("alice", Added, Days(20.5)), Event("alice", Purchased, Days(21)),
        ];

        // The first view's window closes on day 14 with nothing else in it; the second attempt completes.
        var result = FunnelEngine.Run(Funnel(Viewed, Added, Purchased), events);

        Assert.Equal([1, 1, 1], result.Entered());
        Assert.Equal(Days(1), result.TimeToComplete!.Median);
    }

    [Fact]
    public void OrderedFunnelOrdersEventsByTimestampNotByArrival()
    {
        AnalyticsEvent[] events = [Event("alice", Added, Min(5)), Event("alice", Viewed, Min(0))];

        Assert.Equal([1, 1], FunnelEngine.Run(Funnel(Viewed, Added), events).Entered());
    }

    [Fact]
    public void OrderedFunnelOverNoEventsIsAllZeros()
    {
        var result = FunnelEngine.Run(Funnel(Viewed, Added), []);

        Assert.Equal([0, 0], result.Entered());
        Assert.All(result.Steps, s => Assert.Equal(0.0, s.ConversionFromFirst));
        Assert.Null(result.TimeToComplete);
    }
}
