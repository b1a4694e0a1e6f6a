using Orleans.Personalization.Analytics.Funnels;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class ConversionWindowTests
{
    [Fact]
    public void DefaultWindowIsFourteenDays()
    {
        Assert.Equal(TimeSpan.FromDays(14), Funnel(Viewed, Added).Window);
    }

    [Fact]
    public void StepExactlyAtTheWindowBoundaryConverts()
    {
        AnalyticsEvent[] events = [Event("alice", Viewed, Days(0)), Event("alice", Added, Days(14))];

        Assert.Equal([1, 1], FunnelEngine.Run(Funnel(Viewed, Added), events).Entered());
    }

    [Fact]
    public void StepOneTickAfterTheWindowDoesNotConvert()
    {
        AnalyticsEvent[] events = [Event("alice", Viewed, Days(0)), Event("alice", Added, Days(14) + TimeSpan.FromTicks(1))];

        Assert.Equal([1, 0], FunnelEngine.Run(Funnel(Viewed, Added), events).Entered());
    }

    [Fact]
    public void WindowRunsFromTheFirstStepNotFromThePreviousStep()
    {
        AnalyticsEvent[] events = [Event("alice", Viewed, Days(0)), Event("alice", Added, Days(10)), Event("alice", Purchased, Days(15))];

        Assert.Equal([1, 1, 0], FunnelEngine.Run(Funnel(Viewed, Added, Purchased), events).Entered());
    }

    [Fact]
    public void CustomWindowOfOneHourKeepsItsBoundaryInclusive()
    {
        var funnel = Funnel(Viewed, Added) with { Window = TimeSpan.FromHours(1) };
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Added, Min(60)),
            Event("bob", Viewed, Min(0)), Event("bob", Added, Min(61)),
        ];

        Assert.Equal([2, 1], FunnelEngine.Run(funnel, events).Entered());
    }

    [Fact]
    public void WindowBoundaryIsInclusiveInStrictAndUnorderedFunnelsToo()
    {
        AnalyticsEvent[] atBoundary = [Event("alice", Viewed, Days(0)), Event("alice", Added, Days(14))];
        AnalyticsEvent[] pastBoundary = [Event("bob", Viewed, Days(0)), Event("bob", Added, Days(14) + TimeSpan.FromTicks(1))];

        foreach (var order in new[] { FunnelOrder.Strict, FunnelOrder.Unordered })
        {
            var funnel = Funnel(Viewed, Added) with { Order = order };
            Assert.Equal([1, 1], FunnelEngine.Run(funnel, atBoundary).Entered());
            Assert.Equal([1, 0], FunnelEngine.Run(funnel, pastBoundary).Entered());
        }
    }

    [Fact]
    public void TimestampsWithDifferentOffsetsCompareAsInstants()
    {
        // 09:00Z viewed; 10:30+02:00 is 08:30Z, half an hour before the view.
        var viewed = new AnalyticsEvent("alice", "s", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), Viewed);
        var added = new AnalyticsEvent("alice", "s", new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(2)), Added);

        Assert.Equal([1, 0], FunnelEngine.Run(Funnel(Viewed, Added), [viewed, added]).Entered());
    }
}
