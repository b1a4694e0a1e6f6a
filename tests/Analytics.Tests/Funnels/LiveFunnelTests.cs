using Orleans.Personalization.Analytics.Funnels;
using Orleans.Personalization.Analytics.Tests.TestData;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class LiveFunnelTests
{
    [Fact]
    public void LiveFunnelCountsALateEventInItsPlace()
    {
        var live = new LiveFunnel(Funnel(Viewed, Added, Purchased));

        live.Append(Event("alice", Viewed, Min(0)));
        live.Append(Event("alice", Purchased, Min(20)));
        Assert.Equal([1, 0, 0], live.Snapshot().Entered());

        live.Append(Event("alice", Added, Min(10))); // arrives last, happened second
        Assert.Equal([1, 1, 1], live.Snapshot().Entered());
    }

    [Fact]
    public void LiveFunnelMergesIdentitiesRetroactively()
    {
        var live = new LiveFunnel(Funnel(Viewed, Added, Purchased));
        live.Append(Event("anon-1", Viewed, Min(0)));
        live.Append(Event("anon-1", Added, Min(1)));
        live.Append(Event("user-1", Purchased, Min(5)));
        Assert.Equal([1, 1, 0], live.Snapshot().Entered());

        live.MergeIdentity("anon-1", "user-1");
        live.Append(Event("anon-1", Viewed, Min(6))); // the old cookie keeps sending; it is user-1 now

        Assert.Equal([1, 1, 1], live.Snapshot().Entered());
    }

    [Fact]
    public void LiveFunnelMatchesTheBatchEngineAfterEveryEventInEveryMode()
    {
        var events = RandomShop.Shuffled(RandomShop.Generate(seed: 11, people: 12, eventsPerPerson: 8), seed: 12);

        foreach (var definition in RandomShop.Funnels())
        {
            var live = new LiveFunnel(definition);
            var identities = new IdentityGraph();
            for (var i = 0; i < events.Count; i++)
            {
                live.Append(events[i]);
                if (i % 25 == 24)
                {
                    // Fold a person into another now and then, as logins do.
                    var (anonymous, known) = ($"p{i % 12}", $"p{(i + 5) % 12}");
                    live.MergeIdentity(anonymous, known);
                    identities.Merge(anonymous, known);
                }

                var batch = FunnelEngine.Run(definition, events.Take(i + 1).ToList(), identities);
                Assert.Equal(batch.ToJson(), live.Snapshot().ToJson());
            }
        }
    }

    [Fact]
    public void LiveFunnelRejectsAnInvalidDefinition()
    {
        var ex = Assert.Throws<InvalidDefinitionException>(() => new LiveFunnel(Funnel(Viewed) with { Window = TimeSpan.Zero }));

        Assert.Equal("window", Assert.Single(ex.Errors).Field);
    }
}
