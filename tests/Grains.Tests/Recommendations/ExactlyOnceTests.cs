using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Personalization.Grains.Catalog.Events;
using Orleans.Personalization.Grains.Catalog.State;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations;
using Orleans.Personalization.Grains.Recommendations.CoOccurrence;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Serialization;
using Orleans.Personalization.TestKit;
using static Orleans.Personalization.Grains.Tests.Message;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

/// <summary>ARCHITECTURE D2: a crash at any point of the co-occurrence pipeline neither loses nor doubles a contribution.</summary>
public sealed class ExactlyOnceTests : IAsyncDisposable
{
    private InProcessTestCluster _cluster = null!;

    public async ValueTask DisposeAsync()
    {
        if (_cluster is { } cluster)
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task AProductAppliesARedeliveredContributionOnce()
    {
        _cluster = await RecommendationCluster.StartAsync(TimeSpan.Zero);
        var productId = RecommendationCluster.NewId("p");
        var product = _cluster.Product(productId);
        var delivery = new CoOccurrenceDelivery(
            [new CoOccurrenceContribution(3, 17, ContributionKind.View, T0.ToUnixTimeMilliseconds(), ["q"]),
             new CoOccurrenceContribution(3, 18, ContributionKind.RepeatView, T0.ToUnixTimeMilliseconds(), [])],
            [new PartnerCounts("q", 1, 0, 0, T0.ToUnixTimeMilliseconds())]);

        var first = await product.ApplyCoOccurrenceAsync(delivery);
        var again = await product.ApplyCoOccurrenceAsync(delivery);
        var overlapping = await product.ApplyCoOccurrenceAsync(delivery with
        {
            Contributions = [.. delivery.Contributions, new CoOccurrenceContribution(3, 19, ContributionKind.RepeatView, T0.ToUnixTimeMilliseconds(), [])],
        });

        Assert.Equal((first.ViewBaskets, first.Popular, first.AtMs), (again.ViewBaskets, again.Popular, again.AtMs));
        Assert.Equal(3, (await product.GetInfoAsync())!.Views);
        Assert.Equal(1, overlapping.ViewBaskets, 12);
        Assert.Equal(2, await CoOccurrenceEventsAsync(productId));
    }

    [Fact]
    public async Task ContributionsPendingWhenTheSiloCrashedAreAppliedOnceAfterTheRestart()
    {
        // A long flush interval: the first batch is only held in memory when the silo dies.
        _cluster = await RecommendationCluster.StartAsync(TimeSpan.FromMinutes(10));
        var (a, b, c) = (RecommendationCluster.NewId("a"), RecommendationCluster.NewId("b"), RecommendationCluster.NewId("c"));
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Viewed(a), Viewed(b, at: T0.AddMinutes(1)));
        await _cluster.ProjectAsync();
        await _cluster.Projection().FlushAsync();
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Viewed(a), Viewed(c, at: T0.AddMinutes(1)));
        await _cluster.ProjectAsync();
        Assert.True(_cluster.Projection().PendingContributions > 0);

        await _cluster.CrashAndRestartAsync();
        await _cluster.Projection().CatchUpAsync();

        await AssertCountedOnceAsync(a, b, c);
    }

    [Fact]
    public async Task AStopCutShortByTheShutdownTimeoutLeavesThePendingContributionsAndDoesNotThrow()
    {
        // A long flush interval: the contributions are still pending when the silo stops.
        _cluster = await RecommendationCluster.StartAsync(TimeSpan.FromMinutes(10));
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Viewed(RecommendationCluster.NewId("a")), Viewed(RecommendationCluster.NewId("b"), at: T0.AddMinutes(1)));
        await _cluster.ProjectAsync();
        var pending = _cluster.Projection().PendingContributions;
        Assert.True(pending > 0);
        var loop = _cluster.Services.GetServices<IHostedService>().OfType<CoOccurrenceLoop>().Single();

        // The host cancels its stop token when its shutdown timeout has passed; an exception from here would abort the process.
        await loop.StopAsync(new CancellationToken(canceled: true));

        Assert.Equal(pending, _cluster.Projection().PendingContributions);
    }

    [Fact]
    public async Task ACrashAfterProductsAppliedButBeforeTheCheckpointMovedCountsNothingTwice()
    {
        _cluster = await RecommendationCluster.StartAsync(TimeSpan.Zero);
        var (a, b, c) = (RecommendationCluster.NewId("a"), RecommendationCluster.NewId("b"), RecommendationCluster.NewId("c"));
        _cluster.Projection().AfterProductsApplied = () => throw new InvalidOperationException("the silo dies here");
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Viewed(a), Viewed(b, at: T0.AddMinutes(1)));
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Viewed(a), Viewed(c, at: T0.AddMinutes(1)));
        await _cluster.ProjectAsync();
        Assert.Equal(2, (await _cluster.Product(a).GetInfoAsync())!.Views);

        await _cluster.CrashAndRestartAsync();
        await _cluster.Projection().CatchUpAsync();
        await _cluster.CrashAndRestartAsync();
        await _cluster.Projection().CatchUpAsync();

        await AssertCountedOnceAsync(a, b, c);
    }

    [Fact]
    public async Task AProductsLiveStateEqualsAReplayOfItsJournalAcrossRestarts()
    {
        _cluster = await RecommendationCluster.StartAsync(TimeSpan.Zero);
        var random = new Random(11);
        var products = Enumerable.Range(0, 6).Select(_ => RecommendationCluster.NewId("p")).ToArray();
        for (var round = 0; round < 3; round++)
        {
            for (var shopper = 0; shopper < 8; shopper++)
            {
                var id = RecommendationCluster.NewId("s");
                var start = T0.AddHours(round * 30);
                await _cluster.TrackAsync(id, Enumerable.Range(0, 6).Select(i => random.Next(4) == 0
                    ? Track("Product Added", $$"""{"product_id":"{{products[random.Next(6)]}}","quantity":1}""", start.AddMinutes(i), anonymousId: id)
                    : Viewed(products[random.Next(6)], at: start.AddMinutes(i), anonymousId: id)).ToArray());
            }

            await _cluster.ProjectAsync();
            await AssertLiveEqualsReplayAsync(products);
            await _cluster.CrashAndRestartAsync();
            await _cluster.Projection().CatchUpAsync();
            await AssertLiveEqualsReplayAsync(products);
        }
    }

    private async Task AssertLiveEqualsReplayAsync(IEnumerable<string> products)
    {
        foreach (var product in products)
        {
            var live = await _cluster.Product(product).GetStateJsonAsync();
            var (replayed, _) = await JournalReplay.ReplayAsync<ProductState, ProductEvent>(_cluster.Journal, $"product/{product}", RecommendationJsonContext.Default.ProductEvent);
            Assert.Equal(live, CanonicalJson.Normalize(JsonSerializer.Serialize(replayed, RecommendationJsonContext.Default.ProductState)));
        }
    }

    /// <summary>a was viewed in two sessions (with b, then with c); each pair and view counted exactly once.</summary>
    private async Task AssertCountedOnceAsync(string a, string b, string c)
    {
        var info = (await _cluster.Product(a).GetInfoAsync())!;
        Assert.Equal(2, info.Views);
        var counters = await _cluster.Product(a).GetCountersAsync();
        // Two baskets at T0, valued at a's latest event (c's view a minute later): 2 · 2^(-1 min / 30 days).
        Assert.Equal(2 * Math.Pow(2, -1.0 / (30 * 24 * 60)), counters.ViewBaskets, 12);
        var coView = (await _cluster.Product(a).GetNeighboursAsync()).CoView.OrderBy(n => n.ProductId, StringComparer.Ordinal).ToArray();
        // Each pair formed a minute after T0 weighs w = 2^(1 min / 30 days) against a's two baskets at T0: w / (2 + w - w).
        var pair = Math.Round(Math.Pow(2, 1.0 / (30 * 24 * 60)) / 2, 12);
        Assert.Equal([(b, pair), (c, pair)], coView.Select(n => (n.ProductId, Math.Round(n.Score, 12))));
        Assert.Equal(1, (await _cluster.Product(b).GetInfoAsync())!.Views);
        Assert.Equal(1, (await _cluster.Product(c).GetInfoAsync())!.Views);
    }

    private async Task<int> CoOccurrenceEventsAsync(string productId) =>
        (await _cluster.Journal.ReadStreamAsync($"product/{productId}", 0)).Count(r => r.EventType == "co-occurrence-applied");
}
