using System.Text;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Triggers.Watch;
using Orleans.Personalization.Runtime.Storage;
using static Orleans.Personalization.Grains.Tests.Triggers.Shop;

namespace Orleans.Personalization.Grains.Tests.Triggers;

public sealed class CatalogTriggerTests : IAsyncLifetime
{
    private TriggerHarness _shop = null!;

    public async Task InitializeAsync() => _shop = await TriggerHarness.StartAsync(s => s with { HighIntent = s.HighIntent with { Enabled = false } });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private static string NewProduct() => "prod-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The catalog reports a product's state; the watch index and the fan-out run.</summary>
    private async Task CatalogAsync(string productId, decimal? price, bool? inStock = true)
    {
        await _shop.OutboxAsync();
        await _shop.Cluster.GrainFactory.GetGrain<IProductWatchGrain>(productId).CatalogUpdatedAsync(new CatalogProductUpdate(productId, price, "EUR", inStock));
        await _shop.OutboxAsync();
    }

    [Fact]
    public async Task PriceDropOfAViewedProductFiresWithThePriceTheShopperSaw()
    {
        var product = NewProduct();
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View("other", 10m), View(product, 100m));
        await CatalogAsync(product, 100m);

        await CatalogAsync(product, 80m);

        var trigger = Assert.Single(await _shop.TriggersOf(key, TriggerTypes.PriceDrop));
        Assert.Equal(100m, trigger.Facts.PreviousPrice);
        Assert.Equal(80m, trigger.Facts.NewPrice);
        Assert.Equal("EUR", trigger.Facts.Currency);
        Assert.Equal(product, trigger.Facts.Product!.ProductId);
        Assert.Equal(["other"], trigger.RecommendedProducts.Select(p => p.ProductId));
        Assert.Contains(await _shop.OutboxAsync(), e => e.MessageId == trigger.Id);
    }

    [Fact]
    public async Task AViewReceivedNowWatchesEvenWhenTheShopperSaysItHappenedLongAgo()
    {
        // The watch window counts from when the service received the view, not from the time the message claims
        // (a replayed or clock-skewed view would otherwise fall outside the window at once).
        var product = NewProduct();
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, (at, anonymousId) => View(product, 100m)(at, anonymousId) with
        {
            Timestamp = at - ProductWatchersProjection.WatchWindow - TimeSpan.FromDays(10),
        });
        await CatalogAsync(product, 100m);

        await CatalogAsync(product, 80m);

        Assert.Single(await _shop.TriggersOf(key, TriggerTypes.PriceDrop));
    }

    [Fact]
    public async Task DropSmallerThanTheMinimumDoesNotFire()
    {
        var product = NewProduct();
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View(product, 100m));
        await CatalogAsync(product, 100m);

        await CatalogAsync(product, 97m);

        Assert.Empty(await _shop.TriggersOf(key, TriggerTypes.PriceDrop));
    }

    [Fact]
    public async Task EachFurtherDropIsMeasuredFromThePriceLastTold()
    {
        var product = NewProduct();
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add(product, 100m));
        await CatalogAsync(product, 100m);

        await CatalogAsync(product, 80m);
        await CatalogAsync(product, 78m);
        await CatalogAsync(product, 70m);

        var drops = await _shop.TriggersOf(key, TriggerTypes.PriceDrop);
        Assert.Equal([(100m, 80m), (80m, 70m)], drops.Select(t => (t.Facts.PreviousPrice!.Value, t.Facts.NewPrice!.Value)));
    }

    [Fact]
    public async Task BackInStockOfACartedProductFires()
    {
        var product = NewProduct();
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, Add(product, 40m));
        await CatalogAsync(product, 40m, inStock: false);

        await CatalogAsync(product, 40m, inStock: true);

        var trigger = Assert.Single(await _shop.TriggersOf(key, TriggerTypes.BackInStock));
        Assert.Equal(product, trigger.Facts.Product!.ProductId);
        Assert.Equal(40m, trigger.Facts.Product.Price);
    }

    [Fact]
    public async Task ShopperWhoNeverSawTheProductGetsNothing()
    {
        var product = NewProduct();
        var watcher = TriggerHarness.NewShopper();
        var stranger = TriggerHarness.NewShopper();
        await _shop.SendAsync(watcher, View(product, 100m));
        await _shop.SendAsync(stranger, View(NewProduct(), 100m));
        await CatalogAsync(product, 100m, inStock: false);

        await CatalogAsync(product, 50m, inStock: true);

        Assert.Equal(2, (await _shop.TriggersOf(watcher)).Count);
        Assert.Empty(await _shop.TriggersOf(stranger));
    }

    [Fact]
    public async Task SameChangeToldTwiceFiresOnce()
    {
        var product = NewProduct();
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View(product, 100m));
        var change = new ProductChange($"{product}#1", product, 100m, 60m, "EUR", false, _shop.Now);

        await _shop.Shopper(key).ProductChangedAsync(change);
        await _shop.Shopper(key).ProductChangedAsync(change);

        Assert.Single(await _shop.TriggersOf(key, TriggerTypes.PriceDrop));
    }

    [Fact]
    public async Task SwitchedOffPriceDropDoesNotFire()
    {
        await _shop.ConfigureAsync(s => s with { PriceDrop = s.PriceDrop with { Enabled = false } });
        var product = NewProduct();
        var key = TriggerHarness.NewShopper();
        await _shop.SendAsync(key, View(product, 100m));
        await CatalogAsync(product, 100m);

        await CatalogAsync(product, 50m);

        Assert.Empty(await _shop.TriggersOf(key));
    }

    [Fact]
    public async Task FirstCatalogStateAndRepeatedStatesRecordNoChange()
    {
        var product = NewProduct();
        var watch = _shop.Cluster.GrainFactory.GetGrain<IProductWatchGrain>(product);

        await watch.CatalogUpdatedAsync(new CatalogProductUpdate(product, 50m, "EUR", false));
        await watch.CatalogUpdatedAsync(new CatalogProductUpdate(product, 50m, "EUR", false));
        await watch.CatalogUpdatedAsync(new CatalogProductUpdate(product, 45m, "EUR", null));

        var change = Assert.Single(await watch.GetChangesAsync());
        Assert.Equal((50m, 45m, false), (change.PreviousPrice, change.NewPrice, change.BackInStock));
        Assert.Equal($"{product}#1", change.ChangeId);
    }

    [Fact]
    public async Task CatalogJournalEventsReachTheProductWatchInOrder()
    {
        var product = NewProduct();
        var projection = new CatalogChangesProjection(_shop.Cluster.GrainFactory);
        PartitionRecord Catalogued(long position, decimal price, bool inStock) => new(
            position, $"product/{product}", position, CatalogChangesProjection.CatalogEventType,
            Encoding.UTF8.GetBytes($$"""{"$type":"product-catalogued","timestamp":"2026-01-05T09:00:00Z","title":"Boot","categoryPath":["Shoes","Boots"],"price":{{price}},"currency":"EUR","inStock":{{(inStock ? "true" : "false")}}}"""),
            _shop.Now);

        await projection.ProjectAsync(0, [Catalogued(1, 90, false), Catalogued(2, 90, true), Catalogued(3, 70, true)], CancellationToken.None);

        var changes = await _shop.Cluster.GrainFactory.GetGrain<IProductWatchGrain>(product).GetChangesAsync();
        Assert.Equal([(true, (decimal?)90m), (false, 70m)], changes.Select(c => (c.BackInStock, c.NewPrice)));
        Assert.All(changes, c => Assert.Equal(("Boot", "Boots"), (c.Name, c.Category)));
    }
}
