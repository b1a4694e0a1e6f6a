using System.Net;
using System.Text.Json.Nodes;
using Orleans.Personalization.Api.Tests.Recommendations;
using Orleans.Personalization.TestKit;
using static Orleans.Personalization.Api.Tests.Analytics.AnalyticsTraffic;

namespace Orleans.Personalization.Api.Tests.Analytics;

/// <summary>The store's key rates and attribution over HTTP, on hand-computed datasets (a day of their own each).</summary>
public sealed class MetricsApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    /// <summary>
    /// Three shoppers, four sessions on day 10. A (desktop, newsletter, plan gold): a visit that views, adds and buys
    /// for 100 at 10:00, and a lone page view at 15:00 (a bounce). B (phone, google): a page and a product view at 11:00.
    /// C: a page at 12:00 and two orders, 50 and 30.
    /// </summary>
    private async Task SendStoreDayAsync()
    {
        var t = Day(10);
        var (a, b, c) = ("user:ma", "mb", "mc");
        // Fixed messageIds: every test sends the day, and the service keeps it once.
        await _write.SendAsync(Numbered(
            Page(a, t.AddHours(10), Context(Desktop, "newsletter", "email")),
            Track(a, "Product Viewed", t.AddHours(10).AddMinutes(1), context: Context(Desktop)),
            Track(a, "Product Added", t.AddHours(10).AddMinutes(2), context: Context(Desktop)),
            Order(a, t.AddHours(10).AddMinutes(5), 100),
            Page(a, t.AddHours(15), Context(Desktop)),
            Page(b, t.AddHours(11), Context(Phone, "google", "cpc")),
            Track(b, "Product Viewed", t.AddHours(11).AddSeconds(30), context: Context(Phone)),
            Page(c, t.AddHours(12)),
            Order(c, t.AddHours(12).AddMinutes(10), 50),
            Order(c, t.AddHours(12).AddMinutes(20), 30),
            Identify("ma", "ma-visitor", t.AddHours(9), new JsonObject { ["plan"] = "gold" })));
        await app.AnalyticsCaughtUpAsync();
    }

    [Fact]
    public async Task TheKeyRatesCountUniqueShoppersAndSessionsAsDefined()
    {
        await SendStoreDayAsync();

        var overall = (await _read.GetOkAsync($"/v1/analytics/metrics?{Range(Day(10))}"))["overall"]!;

        Assert.Equal((3, 4), ((int)overall["shoppers"]!, (int)overall["sessions"]!));
        Assert.Equal((2, 2), ((int)overall["purchasingShoppers"]!, (int)overall["purchasingSessions"]!));
        Assert.Equal(2.0 / 3, (double)overall["shopperConversionRate"]!, 12);
        Assert.Equal(0.5, (double)overall["sessionConversionRate"]!);
        Assert.Equal(1.0 / 3, (double)overall["addToCartRate"]!, 12);
        Assert.Equal((3, 180m, 60m), ((int)overall["orders"]!, (decimal)overall["revenue"]!, (decimal)overall["averageOrderValue"]!));
        Assert.Equal((45m, 60m), ((decimal)overall["revenuePerSession"]!, (decimal)overall["revenuePerShopper"]!));
        Assert.Equal((1, 0.25), ((int)overall["bouncedSessions"]!, (double)overall["bounceRate"]!));
        Assert.Equal(4.0 / 3, (double)overall["sessionsPerShopper"]!, 12);
    }

    [Fact]
    public async Task HourlyBucketsHoldEachSessionInTheHourItStarted()
    {
        await SendStoreDayAsync();

        var series = (await _read.GetOkAsync($"/v1/analytics/metrics?from={Iso(Day(10).AddHours(10))}&to={Iso(Day(10).AddHours(16))}&granularity=hour"))["series"]!.AsArray();

        Assert.Equal([10, 11, 12, 13, 14, 15], series.Select(static b => DateTimeOffset.Parse((string)b!["start"]!, System.Globalization.CultureInfo.InvariantCulture).Hour));
        Assert.Equal([1, 1, 1, 0, 0, 1], series.Select(static b => (int)b!["metrics"]!["sessions"]!));
        Assert.Equal([100m, 0m, 80m, 0m, 0m, 0m], series.Select(static b => (decimal)b!["metrics"]!["revenue"]!));
        Assert.Equal([0, 0, 0, 0, 0, 1], series.Select(static b => (int)b!["metrics"]!["bouncedSessions"]!));
    }

    [Fact]
    public async Task BreakdownsByDeviceTraitAndUtmSourceSplitTheSessions()
    {
        await SendStoreDayAsync();

        var device = await _read.GetOkAsync($"/v1/analytics/metrics?{Range(Day(10))}&breakdown=device");
        var plan = await _read.GetOkAsync($"/v1/analytics/metrics?{Range(Day(10))}&breakdown=trait:plan");
        var source = await _read.GetOkAsync($"/v1/analytics/metrics?{Range(Day(10))}&breakdown=utm_source");

        Assert.Equal([("desktop", 2, 100m), ("(none)", 1, 80m), ("mobile", 1, 0m)], Groups(device));
        Assert.Equal([("(none)", 2, 80m), ("gold", 2, 100m)], Groups(plan));
        Assert.Equal([("(none)", 2, 80m), ("google", 1, 0m), ("newsletter", 1, 100m)], Groups(source));
    }

    [Fact]
    public async Task RecommendationClickThroughIsCountedPerPlacementAndStrategy()
    {
        var (shoe, sock) = (StoreTraffic.NewId("shoe"), StoreTraffic.NewId("sock"));
        await _write.PutProductAsync(shoe, "Shoe", ["Shoes"], 80);
        await _write.PutProductAsync(sock, "Sock", ["Shoes"], 8);
        await _write.ViewAsync(StoreTraffic.NewId("v"), shoe, sock);
        await app.CatchUpAsync();
        var shopper = StoreTraffic.NewId("ctr");
        var served = await _read.RecommendAsync($"placement=home&anonymousId={shopper}&category=Shoes");
        var id = (string)served["recommendationId"]!;
        var strategy = (string)served["items"]![0]!["strategy"]!;
        var at = Day(11).AddHours(9);
        var shown = await _write.PostJsonAsync($"/v1/recommendations/{id}/impressions", new JsonObject { ["anonymousId"] = shopper, ["productIds"] = new JsonArray(shoe, sock), ["timestamp"] = at.ToString("O") }.ToJsonString());
        var clicked = await _write.PostJsonAsync($"/v1/recommendations/{id}/clicks", new JsonObject { ["anonymousId"] = shopper, ["productId"] = shoe, ["timestamp"] = at.AddSeconds(5).ToString("O") }.ToJsonString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (shown.StatusCode, clicked.StatusCode));
        await app.AnalyticsCaughtUpAsync();

        var ctr = Assert.Single((await _read.GetOkAsync($"/v1/analytics/metrics?{Range(Day(11))}"))["overall"]!["recommendations"]!.AsArray())!;

        Assert.Equal(("home", strategy), ((string)ctr["placement"]!, (string)ctr["strategy"]!));
        Assert.Equal((2, 1, 0.5), ((int)ctr["impressions"]!, (int)ctr["clicks"]!, (double)ctr["clickThroughRate"]!));
        Assert.Equal((1, 1), ((int)ctr["shoppersReached"]!, (int)ctr["shoppersClicked"]!));
    }

    [Fact]
    public async Task AttributionCreditsChannelsByEachModel()
    {
        // One shopper: a newsletter visit on day 12, an ad click three days later, and an order of 100 in that visit.
        var t = Day(12).AddHours(9);
        await _write.SendAsync(
            Page("at-1", t, Context(source: "newsletter", medium: "email")),
            Page("at-1", t.AddDays(3), Context(source: "google", medium: "cpc")),
            Order("at-1", t.AddDays(3).AddMinutes(10), 100));
        await app.AnalyticsCaughtUpAsync();
        var range = $"from={Iso(Day(15))}&to={Iso(Day(16))}";

        var first = await _read.GetOkAsync($"/v1/analytics/attribution?{range}&model=firstTouch");
        var linear = await _read.GetOkAsync($"/v1/analytics/attribution?{range}&model=linear");
        var positioned = await _read.PostOkAsync("/v1/analytics/attribution", new JsonObject { ["model"] = "positionBased", ["from"] = Iso(Day(15)), ["to"] = Iso(Day(16)) });
        var shortLookback = await _read.GetOkAsync($"/v1/analytics/attribution?{range}&model=firstTouch&lookback=2d");

        Assert.Equal([("newsletter / email", 100m)], Credits(first));
        Assert.Equal([("google / cpc", 50m), ("newsletter / email", 50m)], Credits(linear));
        Assert.Equal([("google / cpc", 50m), ("newsletter / email", 50m)], Credits(positioned));
        Assert.Equal([("google / cpc", 100m)], Credits(shortLookback));
        Assert.Equal((1, 100m), ((int)first["totalConversions"]!, (decimal)first["totalRevenue"]!));
    }

    [Fact]
    public async Task TheStatusShowsTheReadModelReachingNewEvents()
    {
        var before = (long)(await _read.GetOkAsync("/v1/analytics/status"))["recordsRead"]!;

        await _write.SendAsync(Track("st-1", "Signed Up", Day(13)));

        await Eventually.TrueAsync(
            async () => (long)(await _read.GetOkAsync("/v1/analytics/status"))["recordsRead"]! > before,
            "the read model to read the new event");
    }

    [Fact]
    public async Task BadMetricAndAttributionQueriesAreRefusedNamingTheParameter()
    {
        var metrics = await (await _read.GetAsync("/v1/analytics/metrics?granularity=minute&breakdown=colour&from=yesterday&color=1")).ProblemAsync(HttpStatusCode.BadRequest);
        var tooMany = await (await _read.GetAsync($"/v1/analytics/metrics?from={Iso(Day(0))}&to={Iso(Day(60))}&granularity=hour")).ProblemAsync(HttpStatusCode.BadRequest);
        var backwards = await (await _read.GetAsync($"/v1/analytics/metrics?from={Iso(Day(2))}&to={Iso(Day(1))}")).ProblemAsync(HttpStatusCode.BadRequest);
        var attribution = await (await _read.GetAsync("/v1/analytics/attribution?model=lastClick&lookback=-1d&halfLife=soon")).ProblemAsync(HttpStatusCode.BadRequest);
        var noKey = await app.CreateClient(null).GetAsync("/v1/analytics/metrics");

        Assert.Equal(["breakdown", "color", "from", "granularity"], metrics.Select(static e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("1440 buckets", (string)tooMany["granularity"]![0]!, StringComparison.Ordinal);
        Assert.True(backwards.ContainsKey("to"));
        Assert.Equal(["halfLife", "model"], attribution.Select(static e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    private static JsonObject[] Numbered(params JsonObject[] messages)
    {
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i]["messageId"] = $"store-day-{i}";
        }

        return messages;
    }

    private static (string, int, decimal)[] Groups(JsonNode answer) =>
        answer["groups"]!.AsArray().Select(static g => ((string)g!["value"]!, (int)g["metrics"]!["sessions"]!, (decimal)g["metrics"]!["revenue"]!)).ToArray();

    private static (string, decimal)[] Credits(JsonNode answer) =>
        answer["channels"]!.AsArray().Select(static c => ((string)c!["channel"]!, (decimal)c["revenue"]!)).OrderBy(static c => c.Item1, StringComparer.Ordinal).ToArray();
}
