using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Analytics.Attribution;
using Orleans.Personalization.Analytics.Funnels;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.TestKit;
using static Orleans.Personalization.Grains.Tests.Message;

namespace Orleans.Personalization.Grains.Tests.Analytics;

public sealed class ReadModelTests : IAsyncLifetime
{
    private static readonly TimeRange Day = new(T0.Date, T0.Date.AddDays(1));
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new InProcessTestCluster(services => services.AddPersonalizationGrains());
        await _cluster.StartAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private AnalyticsQueries Queries => _cluster.Services.GetRequiredService<AnalyticsQueries>();

    private Task SendAsync(string key, params TrackedMessage[] messages) =>
        _cluster.GrainFactory.GetGrain<IUserGrain>(key).TrackAsync(messages);

    private Task CatchUpAsync() => _cluster.Services.GetRequiredService<AnalyticsReadModel>().CatchUpAsync();

    private static FunnelDefinition Purchase => new([new FunnelStep("Product Viewed"), new FunnelStep("Product Added"), new FunnelStep("Order Completed")]);

    [Fact]
    public async Task AnAnonymousVisitAndTheSameShopperAfterLoginAreOnePersonAndOneSession()
    {
        await SendAsync(ShopperKey.ForAnonymous("v1"), Viewed("p1", at: T0, anonymousId: "v1"), Added("p1", at: T0.AddMinutes(1), anonymousId: "v1"));
        await SendAsync(ShopperKey.ForUser("alice"), Identify("alice", "v1", at: T0.AddMinutes(2)));
        await SendAsync(ShopperKey.ForUser("alice"), Track("Order Completed", """{"order_id":"o1","revenue":30}""", T0.AddMinutes(3), "alice", null));
        await CatchUpAsync();

        var metrics = Queries.Metrics(new MetricsRequest(Day)).Overall;
        var funnel = Queries.Funnel(Purchase, Day);

        Assert.Equal((1, 1, 1, 1), (metrics.Shoppers, metrics.Sessions, metrics.PurchasingShoppers, metrics.PurchasingSessions));
        Assert.Equal([1, 1, 1], funnel.Steps.Select(static s => s.Entered));
    }

    [Fact]
    public async Task AnOrderReportedTwiceUnderTwoMessageIdsCountsOnce()
    {
        var order = """{"order_id":"o-dup","revenue":40}""";
        await SendAsync(ShopperKey.ForUser("bob"), Track("Order Completed", order, T0, "bob", null), Track("Order Completed", order, T0.AddSeconds(5), "bob", null));
        await CatchUpAsync();

        var metrics = Queries.Metrics(new MetricsRequest(Day)).Overall;

        Assert.Equal((1, 40m), (metrics.Orders, metrics.Revenue));
    }

    [Fact]
    public async Task ARestartRebuildsTheSameNumbersByReplayingTheJournal()
    {
        for (var i = 0; i < 30; i++)
        {
            var anonymous = $"visitor-{i}";
            var at = T0.AddMinutes(i * 7);
            var campaign = new MessageContext(new CampaignContext(i % 3 == 0 ? "newsletter" : "google", "cpc", "spring", null, null), null, i % 2 == 0 ? "iPhone Mobile" : "Windows NT", null, null);
            await SendAsync(ShopperKey.ForAnonymous(anonymous), Page("Home", at, anonymous) with { Context = campaign }, Viewed($"p{i % 4}", at: at.AddMinutes(1), anonymousId: anonymous));
            if (i % 2 == 0)
            {
                await SendAsync(ShopperKey.ForAnonymous(anonymous), Added($"p{i % 4}", at: at.AddMinutes(2), anonymousId: anonymous));
            }

            if (i % 3 == 0)
            {
                await SendAsync(ShopperKey.ForUser($"user-{i}"), Identify($"user-{i}", anonymous, at: at.AddMinutes(3)));
                await SendAsync(ShopperKey.ForUser($"user-{i}"), Track("Order Completed", $$"""{"order_id":"o{{i}}","revenue":{{10 + i}}}""", at.AddMinutes(4), $"user-{i}", null));
            }
        }

        await CatchUpAsync();
        var before = Answers();
        await _cluster.RestartAsync();
        await CatchUpAsync();
        var after = Answers();

        Assert.Equal(before, after);
        Assert.Contains("\"shoppers\":30", before, StringComparison.Ordinal);
    }

    private string Answers() => JsonSerializer.Serialize(new
    {
        metrics = Queries.Metrics(new MetricsRequest(Day, Granularity.Hour, new Orleans.Personalization.Analytics.Breakdown(Orleans.Personalization.Analytics.BreakdownKind.Device))),
        funnel = Queries.Funnel(Purchase, Day),
        attribution = Queries.Attribution(new AttributionOptions { Model = AttributionModel.Linear }, Day),
    }, JsonSerializerOptions.Web);
}
