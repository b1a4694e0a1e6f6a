using Orleans.Personalization.Analytics.Funnels;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class UnorderedFunnelTests
{
    private static readonly FunnelDefinition Unordered = Funnel(Viewed, Added, Purchased) with { Order = FunnelOrder.Unordered };

    [Fact]
    public void UnorderedFunnelCountsStepsDoneInAnyOrder()
    {
        AnalyticsEvent[] events = [Event("alice", Purchased, Min(0)), Event("alice", Added, Min(1)), Event("alice", Viewed, Min(2))];

        var result = FunnelEngine.Run(Unordered, events);

        Assert.Equal([1, 1, 1], result.Entered());
        Assert.Equal(["Any 1 of 3 steps", "Any 2 of 3 steps", "Any 3 of 3 steps"], result.Steps.Select(s => s.Label));
    }

    [Fact]
    public void UnorderedFunnelCountsDistinctStepsNotEvents()
    {
        AnalyticsEvent[] events = [Event("alice", Viewed, Min(0)), Event("alice", Viewed, Min(1)), Event("alice", Viewed, Min(2))];

        Assert.Equal([1, 0, 0], FunnelEngine.Run(Unordered, events).Entered());
    }

    [Fact]
    public void UnorderedFunnelAssignsEachEventToTheStepThatLetsMostStepsComplete()
    {
        // Step 0 takes any view, step 1 only views of shoes. Giving the shoe view to step 0 first (greedy)
        // would leave the hat view with nothing; the matching moves the shoe view to step 1.
        var funnel = new FunnelDefinition([new FunnelStep(Viewed), new FunnelStep(Viewed, [PropertyFilter.Equal("category", "shoes")])])
        {
            Order = FunnelOrder.Unordered,
        };
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)).With("category", "shoes"), Event("alice", Viewed, Min(1)).With("category", "hats"),
            Event("bob", Viewed, Min(0)).With("category", "shoes"),
        ];

        // bob's single event can only count once.
        Assert.Equal([2, 1], FunnelEngine.Run(funnel, events).Entered());
    }

    [Fact]
    public void UnorderedFunnelNeedsAllStepsWithinOneWindow()
    {
        AnalyticsEvent[] events = [Event("alice", Purchased, Days(0)), Event("alice", Added, Days(13)), Event("alice", Viewed, Days(15))];

        // From the purchase, the view is 15 days away; from the add, the purchase lies before it. Two steps at most.
        Assert.Equal([1, 1, 0], FunnelEngine.Run(Unordered, events).Entered());
    }

    [Fact]
    public void UnorderedFunnelTimesEachStepFromThePreviousDistinctStep()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Purchased, Min(0)), Event("alice", Purchased, Min(1)), Event("alice", Viewed, Min(5)),
            Event("alice", Added, Min(7)),
        ];

        var result = FunnelEngine.Run(Unordered, events);

        // Second distinct step at 5 min (the repeated purchase adds nothing), third at 7 min.
        Assert.Equal(Min(5), result.Steps[1].TimeFromPreviousStep!.Median);
        Assert.Equal(Min(2), result.Steps[2].TimeFromPreviousStep!.Median);
        Assert.Equal(Min(7), result.TimeToComplete!.Median);
    }

    [Fact]
    public void UnorderedFunnelCopesWithALongRepetitiveStream()
    {
        // A crawler viewing products 20,000 times in a day: each anchor's window holds one distinct step, so
        // after the first no anchor can do better and none is matched again.
        var events = Enumerable.Range(0, 20_000).Select(i => Event("crawler", Viewed, TimeSpan.FromSeconds(i * 4))).ToList();
        events.Add(Event("crawler", Added, Days(1)));

        Assert.Equal([1, 1, 0], FunnelEngine.Run(Unordered, events).Entered());
    }
}
