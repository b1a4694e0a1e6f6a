using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Tests.Triggers;
using static Orleans.Personalization.Grains.Tests.Experiments.Experiments;
using static Orleans.Personalization.Grains.Tests.Triggers.Shop;

namespace Orleans.Personalization.Grains.Tests.Experiments;

/// <summary>Trigger settings as an experiment variant: a nudge after 30 minutes (control) against one after 60.</summary>
public sealed class TriggerExperimentTests : IAsyncLifetime
{
    private TriggerHarness _shop = null!;
    private ExperimentSpec _experiment = null!;

    public async Task InitializeAsync()
    {
        _shop = await TriggerHarness.StartAsync();
        var spec = Spec(NewKey("nudge"), ("thirty", 50), ("sixty", 50)) with
        {
            Overrides = [new VariantOverrides("sixty") { Triggers = new Dictionary<string, TriggerOverride> { ["cartAbandonment"] = new(Delay: TimeSpan.FromMinutes(60)) } }],
        };
        _experiment = (await _shop.Cluster.GrainFactory.Registry().CreateExperimentAsync(spec)).Stored!;
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task TheSixtyMinuteVariantNudgesAfterAnHourAndTheControlAfterHalfAnHour()
    {
        var control = AnonymousIn(_experiment, "thirty");
        var slow = AnonymousIn(_experiment, "sixty");
        await _shop.SendAsync(control, Add("p1"));
        await _shop.SendAsync(slow, Add("p1"));

        await _shop.AdvanceAsync(TimeSpan.FromMinutes(31));
        var afterHalfAnHour = (await _shop.TriggersOf(control, TriggerTypes.CartAbandonment)).Count;
        var slowAfterHalfAnHour = (await _shop.TriggersOf(slow, TriggerTypes.CartAbandonment)).Count;
        await _shop.AdvanceAsync(TimeSpan.FromMinutes(30));

        Assert.Equal((1, 0), (afterHalfAnHour, slowAfterHalfAnHour));
        Assert.Single(await _shop.TriggersOf(slow, TriggerTypes.CartAbandonment));
        Assert.Single(await _shop.TriggersOf(control, TriggerTypes.CartAbandonment));
    }

    [Fact]
    public async Task ReachingATriggerDecisionAssignsTheShopperWithOneExposureInTheSameAppend()
    {
        var shopper = AnonymousIn(_experiment, "sixty");

        await _shop.SendAsync(shopper, Add("p1"));
        await _shop.SendAsync(shopper, View("p2"));

        var types = await _shop.EventTypesOf(shopper);
        Assert.Equal(["product-added", "experiment-exposure", "product-viewed"], types);
        var assignment = await _shop.Shopper(shopper).AssignExperimentAsync(new ExperimentAssignmentRequest(_experiment.Definition, ExperimentAssignmentRequest.FromApi));
        Assert.Equal(("sixty", false), (assignment.Variant, assignment.ExposureLogged));
    }
}
