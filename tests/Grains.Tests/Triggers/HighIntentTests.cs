using Orleans.Personalization.Grains.Interfaces.Triggers;
using static Orleans.Personalization.Grains.Tests.Triggers.Shop;

namespace Orleans.Personalization.Grains.Tests.Triggers;

public sealed class HighIntentTests : IAsyncLifetime
{
    private TriggerHarness _shop = null!;

    public async Task InitializeAsync() => _shop = await TriggerHarness.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<IReadOnlyList<Trigger>> HighIntent(string key) => _shop.TriggersOf(key, TriggerTypes.HighIntent);

    [Fact]
    public async Task CrossingTheThresholdFiresInTheSameAppendAsTheEventsThatCausedIt()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View("p1"), View("p2"), Search("boots"));
        Assert.Empty(await HighIntent(key));

        // 1 + 1 + 1.5 so far; a repeat view (1.5), two cart adds (8) and a checkout (8) lift the sum to 21: score 87.8.
        await _shop.SendAsync(key, View("p1"), Add("p1", 60m), Add("p3"), Checkout());

        var trigger = Assert.Single(await HighIntent(key));
        Assert.Equal(87.8, trigger.Facts.Score);
        Assert.Equal(70, trigger.Facts.Threshold);
        Assert.Equal("p3", trigger.Facts.Product!.ProductId);
        var types = await _shop.EventTypesOf(key);
        Assert.Equal(["checkout-started", "trigger-raised"], types.TakeLast(2));
    }

    [Fact]
    public async Task StayingAboveTheThresholdDoesNotFireAgain()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"), Add("p2"), Add("p3"), Checkout());

        await _shop.SendAsync(key, Add("p4"), View("p5"));
        await _shop.SendAsync(key, Checkout());

        Assert.Single(await HighIntent(key));
    }

    [Fact]
    public async Task FiresAgainOnlyAfterTheScoreFellBelowAndTheCooldownPassed()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"), Add("p2"), Add("p3"), Checkout());
        await _shop.AdvanceAsync(TimeSpan.FromMinutes(50));
        await _shop.SendAsync(key, Add("p4"), Add("p5"), Checkout());
        Assert.Single(await HighIntent(key));

        await _shop.AdvanceAsync(TimeSpan.FromHours(3));
        await _shop.SendAsync(key, Add("p6"), Add("p7"), Checkout());

        Assert.Equal(2, (await HighIntent(key)).Count);
    }

    [Fact]
    public async Task BrowsingLightlyDoesNotFire()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View("p1"), View("p2"), Search("socks"));
        await _shop.AdvanceAsync(TimeSpan.FromMinutes(10));
        await _shop.SendAsync(key, View("p3"), Add("p3"));

        Assert.Empty(await HighIntent(key));
    }

    [Fact]
    public async Task ConfiguredThresholdIsUsed()
    {
        await _shop.ConfigureAsync(s => s with { HighIntent = s.HighIntent with { Threshold = 30 } });
        var key = TriggerHarness.NewShopper();

        await _shop.SendAsync(key, Add("p1"));

        Assert.Equal(33, Assert.Single(await HighIntent(key)).Facts.Score);
    }

    [Fact]
    public async Task PurchaseResetsTheIntent()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"), Add("p2"), Checkout());
        await _shop.SendAsync(key, Order("o1", 100m, "p1", "p2"));

        await _shop.AdvanceAsync(TimeSpan.FromHours(2));
        await _shop.SendAsync(key, Add("p3"), Add("p4"), Checkout());

        Assert.Equal(2, (await HighIntent(key)).Count);
    }
}
