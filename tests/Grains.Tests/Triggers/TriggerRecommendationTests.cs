using Orleans.Personalization.Grains.Interfaces.Triggers;
using static Orleans.Personalization.Grains.Tests.Triggers.Shop;

namespace Orleans.Personalization.Grains.Tests.Triggers;

/// <summary>The products a trigger carries come from the recommendation engine, topped up with the shopper's own recent items.</summary>
public sealed class TriggerRecommendationTests : IAsyncLifetime
{
    private TriggerHarness _shop = null!;

    public async Task InitializeAsync() => _shop = await TriggerHarness.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task AnAbandonedCartRecommendsWhatOthersBoughtWithItsProductsBeforeTheShoppersOwnRecentItems()
    {
        await _shop.SendAsync(TriggerHarness.NewShopper(), Order("o-1", 70m, "tent", "pegs"));
        await _shop.SendAsync(TriggerHarness.NewShopper(), Order("o-2", 70m, "tent", "pegs"));
        await _shop.OutboxAsync();
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View("lamp", 30m), Add("tent", 60m));

        await _shop.AdvanceAsync(TimeSpan.FromMinutes(30));

        var products = Assert.Single(await _shop.TriggersOf(key, TriggerTypes.CartAbandonment)).RecommendedProducts.Select(p => p.ProductId).ToArray();
        Assert.Equal("pegs", products[0]);
        Assert.Contains("lamp", products);
        Assert.DoesNotContain("tent", products);
    }

    [Fact]
    public async Task ABrowseAbandonmentRecommendsProductsViewedWithTheProductItIsAbout()
    {
        await _shop.SendAsync(TriggerHarness.NewShopper(), View("boot"), View("sock"));
        await _shop.SendAsync(TriggerHarness.NewShopper(), View("boot"), View("sock"));
        await _shop.OutboxAsync();
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View("boot"), View("boot"), View("boot"));

        await _shop.AdvanceAsync(TimeSpan.FromMinutes(30));

        var trigger = Assert.Single(await _shop.TriggersOf(key, TriggerTypes.BrowseAbandonment));
        Assert.Equal("boot", trigger.Facts.Product!.ProductId);
        Assert.Equal("sock", trigger.RecommendedProducts[0].ProductId);
        Assert.DoesNotContain(trigger.RecommendedProducts, p => p.ProductId == "boot");
    }
}
