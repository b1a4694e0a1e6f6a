using Orleans.Personalization.Analytics.Funnels;
using Orleans.Personalization.Analytics.Tests.TestData;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class FunnelReplayTests
{
    [Fact]
    public void ReplayingTheSameEventsGivesTheSameNumbers()
    {
        var events = RandomShop.Generate(seed: 7, people: 200, eventsPerPerson: 10);

        foreach (var definition in RandomShop.Funnels())
        {
            var first = FunnelEngine.Run(definition, events).ToJson();
            var replay = FunnelEngine.Run(definition, events.ToList()).ToJson();
            var shuffled = FunnelEngine.Run(definition, RandomShop.Shuffled(events, seed: 8)).ToJson();

            Assert.Equal(first, replay);
            Assert.Equal(first, shuffled);
        }
    }

    [Fact]
    public void EqualTimestampsAreOrderedByPositionInTheLog()
    {
        var at = Shop.Min(0);
        AnalyticsEvent[] viewThenAdd = [Shop.Event("alice", Shop.Viewed, at), Shop.Event("alice", Shop.Added, at)];
        AnalyticsEvent[] addThenView = [Shop.Event("alice", Shop.Added, at), Shop.Event("alice", Shop.Viewed, at)];
        var funnel = Shop.Funnel(Shop.Viewed, Shop.Added);

        Assert.Equal([1, 1], FunnelEngine.Run(funnel, viewThenAdd).Entered());
        Assert.Equal([1, 0], FunnelEngine.Run(funnel, addThenView).Entered());
    }
}
