using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Activation;
using static Orleans.Personalization.Grains.Tests.Triggers.Shop;

namespace Orleans.Personalization.Grains.Tests.Triggers;

public sealed class CartAbandonmentTests : IAsyncLifetime
{
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(30);
    private TriggerHarness _shop = null!;

    public async Task InitializeAsync() => _shop = await TriggerHarness.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<IReadOnlyList<Trigger>> AbandonedCarts(string key) => _shop.TriggersOf(key, TriggerTypes.CartAbandonment);

    [Fact]
    public async Task CartAbandonmentFiresAfterTheDelayWithTheCartLinesAndPrices()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View("p9", 15m), Add("p1", 20m, quantity: 2), Add("p2", 5.5m));
        var addedAt = _shop.Now;

        await _shop.AdvanceAsync(Delay);

        var trigger = Assert.Single(await AbandonedCarts(key));
        Assert.StartsWith("trg_", trigger.Id, StringComparison.Ordinal);
        Assert.Equal(key, trigger.Shopper.Key);
        Assert.Equal([ShopperKey.IdOf(key)], trigger.Shopper.AnonymousIds);
        Assert.Equal(addedAt + Delay, trigger.Facts.DueAt);
        Assert.Equal(addedAt, trigger.Facts.LastActivityAt);
        Assert.Equal(_shop.Now, trigger.OccurredAt);
        var cart = trigger.Facts.Cart!;
        Assert.Equal(45.5m, cart.Value);
        Assert.Equal([("p1", 20m, 2), ("p2", 5.5m, 1)], cart.Lines.Select(l => (l.ProductId, l.Price!.Value, l.Quantity)));
        Assert.Equal(["p9"], trigger.RecommendedProducts.Select(p => p.ProductId));
        Assert.False(trigger.Holdout);
    }

    [Fact]
    public async Task CartAbandonmentDoesNotFireBeforeTheDelay()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));

        await _shop.AdvanceAsync(Delay - TimeSpan.FromSeconds(1));

        Assert.Empty(await AbandonedCarts(key));
        Assert.NotNull(await _shop.ReminderAsync(key, "trigger:cart-abandonment"));
    }

    [Fact]
    public async Task NewActivityReArmsCartAbandonmentFromTheLastActivity()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));
        await _shop.AdvanceAsync(TimeSpan.FromMinutes(20));
        await _shop.SendAsync(key, Page());
        var lastActivity = _shop.Now;

        await _shop.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Empty(await AbandonedCarts(key));
        Assert.Equal(lastActivity + Delay, (await _shop.ReminderAsync(key, "trigger:cart-abandonment"))!.DueAt);

        await _shop.AdvanceAsync(TimeSpan.FromMinutes(20));
        Assert.Equal(lastActivity + Delay, Assert.Single(await AbandonedCarts(key)).Facts.DueAt);
    }

    [Fact]
    public async Task PurchaseCancelsCartAbandonment()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1", 20m));
        await _shop.AdvanceAsync(TimeSpan.FromMinutes(5));

        await _shop.SendAsync(key, Checkout(), Order("o1", 20m, "p1"));
        await _shop.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Empty(await AbandonedCarts(key));
        Assert.Null(await _shop.ReminderAsync(key, "trigger:cart-abandonment"));
    }

    [Fact]
    public async Task EmptiedCartCancelsCartAbandonment()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));

        await _shop.SendAsync(key, Remove("p1"));
        await _shop.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Empty(await AbandonedCarts(key));
        Assert.Null(await _shop.ReminderAsync(key, "trigger:cart-abandonment"));
    }

    [Fact]
    public async Task CartAbandonmentFiresOncePerCartState()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));
        await _shop.AdvanceAsync(Delay);

        await _shop.SendAsync(key, View("p2"));
        await _shop.AdvanceAsync(TimeSpan.FromHours(3));
        var afterBrowsing = await AbandonedCarts(key);

        await _shop.SendAsync(key, Add("p2"));
        await _shop.AdvanceAsync(Delay);
        var afterCartChange = await AbandonedCarts(key);

        Assert.Single(afterBrowsing);
        Assert.Equal(2, afterCartChange.Count);
        Assert.NotEqual(afterCartChange[0].Id, afterCartChange[1].Id);
        Assert.Equal(["p1", "p2"], afterCartChange[1].Facts.Cart!.Lines.Select(l => l.ProductId));
    }

    [Fact]
    public async Task RedeliveredReminderDoesNotRepeatTheTrigger()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));
        _shop.Clock.Advance(Delay);
        var directory = _shop.Cluster.Services.GetRequiredService<ActivationDirectory>();
        var tick = new ReminderTick(_shop.Now, _shop.Now, null);

        // At least once: the reminder service may hand the same reminder over again after a crash.
        await directory.InvokeAsync(new GrainId("user", key), g => ((IRemindable)g).ReceiveReminderAsync("trigger:cart-abandonment", tick));
        await directory.InvokeAsync(new GrainId("user", key), g => ((IRemindable)g).ReceiveReminderAsync("trigger:cart-abandonment", tick));
        await _shop.Cluster.Reminders.FireDueRemindersAsync();

        Assert.Single(await AbandonedCarts(key));
    }

    [Fact]
    public async Task CartAbandonmentArmedBeforeACrashFiresOnceAfterTheRestart()
    {
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));

        await _shop.Cluster.CrashAndRestartAsync();
        await _shop.AdvanceAsync(Delay);
        await _shop.Cluster.CrashAndRestartAsync();
        await _shop.AdvanceAsync(Delay);

        Assert.Single(await AbandonedCarts(key));
    }

    [Fact]
    public async Task SwitchedOffCartAbandonmentDoesNotFire()
    {
        await _shop.ConfigureAsync(s => s with { CartAbandonment = s.CartAbandonment with { Enabled = false } });
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));

        await _shop.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Empty(await AbandonedCarts(key));
    }

    [Fact]
    public async Task ConfiguredDelayIsUsed()
    {
        await _shop.ConfigureAsync(s => s with { CartAbandonment = s.CartAbandonment with { Delay = TimeSpan.FromMinutes(5) } });
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));

        await _shop.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Single(await AbandonedCarts(key));
    }

    [Fact]
    public async Task AnonymousCartMergedIntoAUserFiresForTheUserOnly()
    {
        var anonymous = TriggerHarness.NewShopper();
        var userId = Guid.NewGuid().ToString("N")[..10];
        await _shop.SendAsync(anonymous, Add("p1", 30m));
        await _shop.Shopper(ShopperKey.ForUser(userId)).TrackAsync([Message.Identify(userId, ShopperKey.IdOf(anonymous), at: _shop.Now)]);

        await _shop.AdvanceAsync(Delay);

        Assert.Empty(await AbandonedCarts(anonymous));
        var trigger = Assert.Single(await AbandonedCarts(ShopperKey.ForUser(userId)));
        Assert.Equal(userId, trigger.Shopper.UserId);
        Assert.Contains(ShopperKey.IdOf(anonymous), trigger.Shopper.AnonymousIds);
        Assert.Equal(30m, trigger.Facts.Cart!.Value);
    }

    [Fact]
    public async Task HoldoutShopperTriggerIsJournaledButWithheldFromDelivery()
    {
        await _shop.ConfigureAsync(s => s with { HoldoutPercent = 100 });
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add("p1"));

        await _shop.AdvanceAsync(Delay);

        var trigger = Assert.Single(await AbandonedCarts(key));
        Assert.True(trigger.Holdout);
        var entry = Assert.Single(await _shop.OutboxAsync(), e => e.MessageId == trigger.Id);
        Assert.True(entry.Withheld);
    }
}
