using Orleans.Personalization.Analytics.Funnels;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class FunnelBreakdownTests
{
    [Fact]
    public void DeviceBreakdownTakesTheValueOfTheCountedAttemptsFirstStep()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)) with { Device = "mobile" }, Event("alice", Added, Min(1)) with { Device = "desktop" },
            Event("bob", Viewed, Min(0)) with { Device = "desktop" },
            Event("carol", Viewed, Min(0)) with { Device = "mobile" },
            Event("dave", Viewed, Min(0)),
        ];
        var funnel = Funnel(Viewed, Added) with { Breakdown = new Breakdown(BreakdownKind.Device) };

        var groups = FunnelEngine.Run(funnel, events).Breakdown.ToDictionary(g => g.Value, g => g.Steps.Select(s => s.Entered).ToArray());

        // alice counts under mobile, where her attempt started, though she added on desktop.
        Assert.Equal([2, 1], groups["mobile"]);
        Assert.Equal([1, 0], groups["desktop"]);
        Assert.Equal([1, 0], groups[Breakdown.NoValue]);
    }

    [Fact]
    public void BreakdownGroupsPartitionThePeopleOfTheFunnel()
    {
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)) with { Source = new TrafficSource("google", "cpc", "spring") }, Event("alice", Added, Min(1)),
            Event("bob", Viewed, Min(0)) with { Source = new TrafficSource("newsletter", "email", "spring") },
            Event("carol", Viewed, Min(0)) with { Source = new TrafficSource("google", "organic", null) }, Event("carol", Added, Min(1)),
        ];
        var funnel = Funnel(Viewed, Added) with { Breakdown = new Breakdown(BreakdownKind.UtmSource) };

        var result = FunnelEngine.Run(funnel, events);

        Assert.Equal(["google", "newsletter"], result.Breakdown.Select(g => g.Value));
        Assert.Equal([2, 2], result.Breakdown[0].Steps.Select(s => s.Entered));
        int[] summed = [result.Breakdown.Sum(g => g.Steps[0].Entered), result.Breakdown.Sum(g => g.Steps[1].Entered)];
        Assert.Equal(result.Entered(), summed);
    }

    [Fact]
    public void TraitBreakdownLooksUpTheResolvedPerson()
    {
        var identities = new IdentityGraph();
        identities.Merge("anon-1", "user-1");
        var attributes = new PersonAttributes().SetTrait("user-1", "plan", "gold").SetTrait("bob", "plan", "free");
        AnalyticsEvent[] events = [Event("anon-1", Viewed, Min(0)), Event("user-1", Added, Min(1)), Event("bob", Viewed, Min(0))];
        var funnel = Funnel(Viewed, Added) with { Breakdown = Breakdown.ByTrait("plan") };

        var groups = FunnelEngine.Run(funnel, events, identities, attributes).Breakdown.ToDictionary(g => g.Value, g => g.Steps[1].Entered);

        Assert.Equal(1, groups["gold"]);
        Assert.Equal(0, groups["free"]);
    }

    [Fact]
    public void ExperimentVariantBreakdownGroupsByAssignedVariant()
    {
        var attributes = new PersonAttributes().SetVariant("alice", "checkout-button", "green").SetVariant("bob", "checkout-button", "control");
        AnalyticsEvent[] events =
        [
            Event("alice", Viewed, Min(0)), Event("alice", Purchased, Min(1)),
            Event("bob", Viewed, Min(0)),
            Event("carol", Viewed, Min(0)),
        ];
        var funnel = Funnel(Viewed, Purchased) with { Breakdown = Breakdown.ByVariant("checkout-button") };

        var groups = FunnelEngine.Run(funnel, events, attributes: attributes).Breakdown.ToDictionary(g => g.Value, g => g.Steps.Select(s => s.Entered).ToArray());

        Assert.Equal([1, 1], groups["green"]);
        Assert.Equal([1, 0], groups["control"]);
        Assert.Equal([1, 0], groups[Breakdown.NoValue]);
    }

    [Fact]
    public void PropertyBreakdownInAnUnorderedFunnelUsesTheAttemptsFirstEvent()
    {
        AnalyticsEvent[] events = [Event("alice", Added, Min(0)).With("category", "hats"), Event("alice", Viewed, Min(1)).With("category", "shoes")];
        var funnel = Funnel(Viewed, Added) with { Order = FunnelOrder.Unordered, Breakdown = Breakdown.ByProperty("category") };

        Assert.Equal("hats", Assert.Single(FunnelEngine.Run(funnel, events).Breakdown).Value);
    }
}
