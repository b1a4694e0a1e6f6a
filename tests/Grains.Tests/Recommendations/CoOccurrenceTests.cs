using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.TestKit;
using static Orleans.Personalization.Grains.Tests.Message;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class CoOccurrenceTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await RecommendationCluster.StartAsync(TimeSpan.Zero);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ProductsViewedInOneSessionBecomeEachOthersNeighbours()
    {
        var (a, b, c) = (RecommendationCluster.NewId("a"), RecommendationCluster.NewId("b"), RecommendationCluster.NewId("c"));
        var shopper = RecommendationCluster.NewId("v");
        await _cluster.TrackAsync(shopper, Viewed(a, anonymousId: shopper), Viewed(b, at: T0.AddMinutes(1), anonymousId: shopper), Viewed(c, at: T0.AddMinutes(2), anonymousId: shopper));

        await _cluster.ProjectAsync();

        var neighbours = await _cluster.Product(a).GetNeighboursAsync();
        Assert.Equal([(b, 1.0), (c, 1.0)], neighbours.CoView.Select(n => (n.ProductId, n.Score)).OrderBy(n => n.ProductId, StringComparer.Ordinal));
        Assert.Empty(neighbours.CoPurchase);
        var session = Assert.Single(neighbours.Sessions);
        Assert.Equal([a, b, c], session.Items);
    }

    [Fact]
    public async Task OrdersMakeProductsBoughtTogetherScoredByJaccard()
    {
        var (a, b, c) = (RecommendationCluster.NewId("a"), RecommendationCluster.NewId("b"), RecommendationCluster.NewId("c"));
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Order("o-1", a, b));
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Order("o-2", a, c));

        await _cluster.ProjectAsync();

        // a is in 2 orders, b and c in 1 each, each with a once: 1 / (2 + 1 - 1).
        var bought = (await _cluster.Product(a).GetNeighboursAsync()).CoPurchase;
        Assert.Equal([(b, 0.5), (c, 0.5)], bought.Select(n => (n.ProductId, n.Score)).OrderBy(n => n.ProductId, StringComparer.Ordinal));
        Assert.Equal([(a, 1.0)], (await _cluster.Product(b).GetNeighboursAsync()).CoPurchase.Select(n => (n.ProductId, n.Score)));
    }

    [Fact]
    public async Task AProductNamedOnlyByEventsExistsWithWhatTheEventsSaid()
    {
        var product = RecommendationCluster.NewId("p");
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"),
            Track("Product Viewed", $$"""{"product_id":"{{product}}","name":"Rain jacket","category":"Jackets","price":120}"""));

        await _cluster.ProjectAsync();

        var info = await _cluster.Product(product).GetInfoAsync();
        Assert.NotNull(info);
        Assert.False(info.InCatalog);
        Assert.Equal(("Rain jacket", "Jackets", 120m, 1L), (info.Title, info.Category, info.Price, info.Views));
        Assert.Null(info.InStock);
    }

    [Fact]
    public async Task PopularityRanksProductsByDecayedActivityGloballyAndPerCategory()
    {
        var (hot, warm) = (RecommendationCluster.NewId("hot"), RecommendationCluster.NewId("warm"));
        var category = RecommendationCluster.NewId("cat");
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Viewed(warm, category), Viewed(hot, category),
            Track("Product Added", $$"""{"product_id":"{{hot}}","category":"{{category}}","quantity":1}"""));
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Viewed(hot, category));

        await _cluster.ProjectAsync();

        var lists = await _cluster.GrainFactory.GetGrain<IPopularityGrain>(IPopularityGrain.GlobalKey).GetListsAsync();
        Assert.Equal([hot, warm], lists.Categories[category].Trending.Select(p => p.ProductId));
        Assert.Equal(5, lists.Categories[category].Trending[0].Score / lists.Categories[category].Trending[1].Score, 9);
        Assert.Contains(hot, lists.Trending.Select(p => p.ProductId));
    }

    private static Orleans.Personalization.Grains.Interfaces.Messages.TrackedMessage Order(string orderId, params string[] products) =>
        Track("Order Completed", $$"""{"order_id":"{{orderId}}","revenue":10,"currency":"EUR","products":[{{string.Join(',', products.Select(p => $$"""{"product_id":"{{p}}"}"""))}}]}""");
}
