using Orleans.Personalization.Grains.Interfaces.Triggers;
using static Orleans.Personalization.Grains.Tests.Triggers.Shop;

namespace Orleans.Personalization.Grains.Tests.Triggers;

public sealed class BrowseAbandonmentTests : IAsyncLifetime
{
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(30);
    private TriggerHarness _shop = null!;

    // High intent is switched off so repeated views only ever mean browse abandonment here.
    public async Task InitializeAsync() => _shop = await TriggerHarness.StartAsync(s => s with { HighIntent = s.HighIntent with { Enabled = false } });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<IReadOnlyList<Trigger>> AbandonedBrowsing(string key) => _shop.TriggersOf(key, TriggerTypes.BrowseAbandonment);

    private async Task ViewAsync(string key, string productId, int times, TimeSpan apart)
    {
        for (var i = 0; i < times; i++)
        {
            if (i > 0)
            {
                await _shop.AdvanceAsync(apart);
            }

            await _shop.SendAsync(key, View(productId, 80m, "boots"));
        }
    }

    [Fact]
    public async Task ProductViewedThreeTimesWithoutBeingAddedFiresAfterTheDelay()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View("other"));
        await ViewAsync(key, "p1", 3, TimeSpan.FromMinutes(2));
        var lastView = _shop.Now;

        await _shop.AdvanceAsync(Delay);

        var trigger = Assert.Single(await AbandonedBrowsing(key));
        Assert.Equal("p1", trigger.Facts.Product!.ProductId);
        Assert.Equal("boots", trigger.Facts.Product.Category);
        Assert.Equal(80m, trigger.Facts.Product.Price);
        Assert.Equal(3, trigger.Facts.Views);
        Assert.Equal(lastView + Delay, trigger.Facts.DueAt);
        Assert.Equal(["other"], trigger.RecommendedProducts.Select(p => p.ProductId));
    }

    [Fact]
    public async Task TwoViewsDoNotFire()
    {
        var key = TriggerHarness.NewShopper();
        await ViewAsync(key, "p1", 2, TimeSpan.FromMinutes(2));

        await _shop.AdvanceAsync(TimeSpan.FromHours(3));

        Assert.Empty(await AbandonedBrowsing(key));
    }

    [Fact]
    public async Task AddingTheProductToTheCartCancelsBrowseAbandonment()
    {
        var key = TriggerHarness.NewShopper();
        await ViewAsync(key, "p1", 3, TimeSpan.FromMinutes(2));

        await _shop.SendAsync(key, Add("p1"));
        await _shop.AdvanceAsync(TimeSpan.FromHours(3));

        Assert.Empty(await AbandonedBrowsing(key));
    }

    [Fact]
    public async Task ViewsFurtherApartThanTheWindowDoNotCount()
    {
        await _shop.ConfigureAsync(s => s with { BrowseAbandonment = s.BrowseAbandonment with { Window = TimeSpan.FromHours(1) } });
        var key = TriggerHarness.NewShopper();

        await ViewAsync(key, "p1", 3, TimeSpan.FromMinutes(40));
        await _shop.AdvanceAsync(TimeSpan.FromHours(3));

        Assert.Empty(await AbandonedBrowsing(key));
    }

    [Fact]
    public async Task NewActivityReArmsBrowseAbandonment()
    {
        var key = TriggerHarness.NewShopper();
        await ViewAsync(key, "p1", 3, TimeSpan.FromMinutes(1));
        await _shop.AdvanceAsync(TimeSpan.FromMinutes(25));
        await _shop.SendAsync(key, Search("boots"));
        var lastActivity = _shop.Now;

        await _shop.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Empty(await AbandonedBrowsing(key));

        await _shop.AdvanceAsync(TimeSpan.FromMinutes(20));
        Assert.Equal(lastActivity + Delay, Assert.Single(await AbandonedBrowsing(key)).Facts.DueAt);
    }

    [Fact]
    public async Task SameViewsFireOnceAndThreeNewViewsFireAgain()
    {
        var key = TriggerHarness.NewShopper();
        await ViewAsync(key, "p1", 3, TimeSpan.FromMinutes(1));
        await _shop.AdvanceAsync(Delay);
        await _shop.SendAsync(key, View("p1"));
        await _shop.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Single(await AbandonedBrowsing(key));

        await ViewAsync(key, "p1", 2, TimeSpan.FromMinutes(1));
        await _shop.AdvanceAsync(Delay);

        var triggers = await AbandonedBrowsing(key);
        Assert.Equal(2, triggers.Count);
        Assert.NotEqual(triggers[0].Id, triggers[1].Id);
    }

    [Fact]
    public async Task ConfiguredMinimumOfViewsIsUsed()
    {
        await _shop.ConfigureAsync(s => s with { BrowseAbandonment = s.BrowseAbandonment with { MinViews = 2 } });
        var key = TriggerHarness.NewShopper();

        await ViewAsync(key, "p1", 2, TimeSpan.FromMinutes(1));
        await _shop.AdvanceAsync(Delay);

        Assert.Equal(2, Assert.Single(await AbandonedBrowsing(key)).Facts.Views);
    }
}
