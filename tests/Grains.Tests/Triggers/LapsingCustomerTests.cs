using Orleans.Personalization.Grains.Interfaces.Triggers;
using static Orleans.Personalization.Grains.Tests.Triggers.Shop;

namespace Orleans.Personalization.Grains.Tests.Triggers;

public sealed class LapsingCustomerTests : IAsyncLifetime
{
    private TriggerHarness _shop = null!;

    public async Task InitializeAsync() => _shop = await TriggerHarness.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<IReadOnlyList<Trigger>> Lapsing(string key) => _shop.TriggersOf(key, TriggerTypes.LapsingCustomer);

    [Fact]
    public async Task LoyalBuyerInactiveForThirtyDaysFires()
    {
        var key = TriggerHarness.NewShopper();
        // One order of 300: loyalty 0.4·100 + 0.3·28.35 + 0.3·63.21 = 67.47 → 67 at the last activity.
        await _shop.SendAsync(key, Order("o1", 300m));
        var lastActivity = _shop.Now;

        await _shop.AdvanceAsync(TimeSpan.FromDays(30));

        var trigger = Assert.Single(await Lapsing(key));
        Assert.Equal(67, trigger.Facts.LoyaltyScore);
        Assert.Equal(1, trigger.Facts.Orders);
        Assert.Equal(30, trigger.Facts.InactiveDays);
        Assert.Equal(lastActivity, trigger.Facts.LastActivityAt);
    }

    [Fact]
    public async Task ActivityBeforeTheDeadlineStartsTheCountAgain()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Order("o1", 200m), Order("o2", 200m), Order("o3", 200m));
        await _shop.AdvanceAsync(TimeSpan.FromDays(20));
        await _shop.SendAsync(key, Page());

        await _shop.AdvanceAsync(TimeSpan.FromDays(10));
        Assert.Empty(await Lapsing(key));

        await _shop.AdvanceAsync(TimeSpan.FromDays(20));
        Assert.Single(await Lapsing(key));
    }

    [Fact]
    public async Task OneLapseFiresOnce()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Order("o1", 300m));

        await _shop.AdvanceAsync(TimeSpan.FromDays(30));
        await _shop.AdvanceAsync(TimeSpan.FromDays(60));

        Assert.Single(await Lapsing(key));
        Assert.Null(await _shop.ReminderAsync(key, "trigger:lapsing-customer"));
    }

    [Fact]
    public async Task BuyerWithLowLoyaltyDoesNotFire()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Order("o1", 10m));

        await _shop.AdvanceAsync(TimeSpan.FromDays(30));

        Assert.Empty(await Lapsing(key));
    }

    [Fact]
    public async Task ShopperWhoNeverBoughtHasNoLapsingReminder()
    {
        var key = TriggerHarness.NewShopper();

        await _shop.SendAsync(key, View("p1"), Page());

        Assert.Null(await _shop.ReminderAsync(key, "trigger:lapsing-customer"));
    }

    [Fact]
    public async Task ConfiguredDaysAndLoyaltyAreUsed()
    {
        await _shop.ConfigureAsync(s => s with { LapsingCustomer = new LapsingCustomerSettings { InactiveDays = 7, MinLoyalty = 40 } });
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Order("o1", 10m));

        await _shop.AdvanceAsync(TimeSpan.FromDays(7));

        Assert.Equal(7, Assert.Single(await Lapsing(key)).Facts.InactiveDays);
    }
}
