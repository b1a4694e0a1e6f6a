using System.Net;
using System.Text.Json.Nodes;
using static Orleans.Personalization.Api.Tests.Analytics.AnalyticsTraffic;

namespace Orleans.Personalization.Api.Tests.Analytics;

/// <summary>Funnels over HTTP on hand-computed datasets: each test has a day of its own and states what it expects and why.</summary>
public sealed class FunnelApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    private static JsonObject Steps(DateTimeOffset day, params string[] events) => new()
    {
        ["steps"] = new JsonArray(events.Select(static e => (JsonNode?)new JsonObject { ["event"] = e }).ToArray()),
        ["from"] = Iso(day),
        ["to"] = Iso(day.AddDays(1)),
    };

    private async Task<JsonNode> FunnelAsync(JsonObject request)
    {
        await app.AnalyticsCaughtUpAsync();
        return await _read.PostOkAsync("/v1/analytics/funnels", request);
    }

    [Fact]
    public async Task OrderedStrictAndUnorderedFunnelsCountWhatEachModeAllows()
    {
        var t = Day(1).AddHours(10);
        var (p1, p2, p3, p4) = ("fm-1", "fm-2", "fm-3", "fm-4");
        await _write.SendAsync(
            // p1: view, add, order back to back: completes in every mode.
            Track(p1, "Product Viewed", t), Track(p1, "Product Added", t.AddMinutes(5)), Order(p1, t.AddMinutes(10), 20),
            // p2: a search between view and add: ordered completes, strict stops at the view.
            Track(p2, "Product Viewed", t), Track(p2, "Products Searched", t.AddMinutes(1), new JsonObject { ["query"] = "boots" }), Track(p2, "Product Added", t.AddMinutes(2)), Order(p2, t.AddMinutes(3), 20),
            // p3: add before view: only the unordered funnel completes.
            Track(p3, "Product Added", t), Track(p3, "Product Viewed", t.AddMinutes(1)), Order(p3, t.AddMinutes(2), 20),
            // p4: a view and nothing else.
            Track(p4, "Product Viewed", t));

        var ordered = await FunnelAsync(Steps(Day(1), "Product Viewed", "Product Added", "Order Completed"));
        var strict = await FunnelAsync(Steps(Day(1), "Product Viewed", "Product Added", "Order Completed").With("order", "strict"));
        var unordered = await FunnelAsync(Steps(Day(1), "Product Viewed", "Product Added", "Order Completed").With("order", "unordered"));

        Assert.Equal([4, 2, 2], ordered.Entered());
        Assert.Equal([4, 1, 1], strict.Entered());
        Assert.Equal([4, 3, 3], unordered.Entered());
        var steps = ordered["steps"]!.AsArray();
        Assert.Equal([2, 0, 0], steps.Select(static s => (int)s!["droppedOff"]!));
        Assert.Equal([1.0, 0.5, 0.5], steps.Select(static s => (double)s!["conversionFromFirst"]!));
        Assert.Equal([1.0, 0.5, 1.0], steps.Select(static s => (double)s!["conversionFromPrevious"]!));
        // View → add took 5 and 2 minutes; the whole funnel 10 and 3 minutes: medians halfway between.
        Assert.Equal("00:03:30", (string)steps[1]!["timeFromPreviousStep"]!["median"]!);
        Assert.Equal("00:06:30", (string)ordered["timeToComplete"]!["median"]!);
        Assert.Equal("Any 2 of 3 steps", (string)unordered["steps"]![1]!["label"]!);
    }

    [Fact]
    public async Task TheConversionWindowIncludesItsBoundaryAndNothingAfter()
    {
        var t = Day(2).AddHours(10);
        await _write.SendAsync(
            Track("fw-1", "Product Viewed", t), Track("fw-1", "Product Added", t.AddHours(1)),
            Track("fw-2", "Product Viewed", t), Track("fw-2", "Product Added", t.AddHours(1).AddSeconds(1)));

        var hour = await FunnelAsync(Steps(Day(2), "Product Viewed", "Product Added").With("window", "1h"));
        var asSeconds = await FunnelAsync(Steps(Day(2), "Product Viewed", "Product Added").With("window", 3600));
        var byDefault = await FunnelAsync(Steps(Day(2), "Product Viewed", "Product Added"));

        Assert.Equal([2, 1], hour.Entered());
        Assert.Equal([2, 1], asSeconds.Entered());
        Assert.Equal([2, 2], byDefault.Entered());
        Assert.Equal("14.00:00:00", (string)byDefault["window"]!);
    }

    [Fact]
    public async Task AnExcludedEventBetweenStepsRemovesTheWholeAttempt()
    {
        var t = Day(3).AddHours(10);
        await _write.SendAsync(
            // x1: removed between view and add: excluded.
            Track("fx-1", "Product Viewed", t), Track("fx-1", "Product Removed", t.AddMinutes(1)), Track("fx-1", "Product Added", t.AddMinutes(2)), Order("fx-1", t.AddMinutes(3), 5),
            // x2: removed after the last step: not between steps, counted.
            Track("fx-2", "Product Viewed", t), Track("fx-2", "Product Added", t.AddMinutes(1)), Order("fx-2", t.AddMinutes(2), 5), Track("fx-2", "Product Removed", t.AddMinutes(3)),
            // x3: removed after the add and the order never came: within the window, excluded.
            Track("fx-3", "Product Viewed", t), Track("fx-3", "Product Added", t.AddMinutes(1)), Track("fx-3", "Product Removed", t.AddMinutes(2)));
        var exclusions = new JsonArray(new JsonObject { ["event"] = "Product Removed" });

        var without = await FunnelAsync(Steps(Day(3), "Product Viewed", "Product Added", "Order Completed"));
        var with = await FunnelAsync(Steps(Day(3), "Product Viewed", "Product Added", "Order Completed").With("exclusions", exclusions));

        Assert.Equal([3, 3, 2], without.Entered());
        Assert.Equal([1, 1, 1], with.Entered());
    }

    [Fact]
    public async Task AnAnonymousVisitorWhoLogsInAndBuysIsOnePersonCompletingTheFunnel()
    {
        var t = Day(4).AddHours(10);
        await _write.SendAsync(Track("fi-visitor", "Product Viewed", t), Track("fi-visitor", "Product Added", t.AddMinutes(1)));
        await _write.SendAsync(Identify("fi-user", "fi-visitor", t.AddMinutes(2), new JsonObject { ["plan"] = "gold" }));
        await _write.SendAsync(Order("user:fi-user", t.AddMinutes(3), 42));

        var funnel = await FunnelAsync(Steps(Day(4), "Product Viewed", "Product Added", "Order Completed").With("breakdown", "trait:plan"));

        Assert.Equal([1, 1, 1], funnel.Entered());
        var group = Assert.Single(funnel["breakdown"]!.AsArray())!;
        Assert.Equal("gold", (string)group["value"]!);
    }

    [Fact]
    public async Task StepFiltersCompareEventPropertiesAndBreakdownsSplitThePeople()
    {
        var t = Day(5).AddHours(10);
        await _write.SendAsync(
            Track("ff-1", "Product Viewed", t, new JsonObject { ["category"] = "Shoes", ["price"] = 120 }, Context(Phone)), Track("ff-1", "Product Added", t.AddMinutes(1)),
            Track("ff-2", "Product Viewed", t, new JsonObject { ["category"] = "Shoes", ["price"] = 60 }, Context(Desktop)), Track("ff-2", "Product Added", t.AddMinutes(1)),
            Track("ff-3", "Product Viewed", t, new JsonObject { ["category"] = "Socks", ["price"] = 150 }, Context(Desktop)));
        var request = new JsonObject
        {
            ["steps"] = new JsonArray(
                new JsonObject
                {
                    ["event"] = "Product Viewed",
                    ["filters"] = new JsonArray(
                        new JsonObject { ["property"] = "category", ["operator"] = "equals", ["value"] = "Shoes" },
                        new JsonObject { ["property"] = "price", ["operator"] = "greaterOrEqual", ["value"] = 100 }),
                },
                new JsonObject { ["event"] = "Product Added" }),
            ["from"] = Iso(Day(5)),
            ["to"] = Iso(Day(6)),
        };
        var byDevice = Steps(Day(5), "Product Viewed", "Product Added").With("breakdown", "device");

        var filtered = await FunnelAsync(request);
        var split = await FunnelAsync(byDevice);

        Assert.Equal([1, 1], filtered.Entered());
        var groups = split["breakdown"]!.AsArray();
        Assert.Equal(["desktop", "mobile"], groups.Select(static g => (string)g!["value"]!));
        Assert.Equal([[2, 1], [1, 1]], groups.Select(static g => g!["steps"]!.AsArray().Select(static s => (int)s!["entered"]!).ToArray()));
    }

    [Fact]
    public async Task BadFunnelsAreRefusedWithAProblemNamingEachField()
    {
        var tooMany = new JsonObject { ["steps"] = new JsonArray(Enumerable.Range(0, 21).Select(static i => (JsonNode?)new JsonObject { ["event"] = $"e{i}" }).ToArray()) };
        var bad = new JsonObject
        {
            ["steps"] = new JsonArray(new JsonObject { ["event"] = "Product Viewed", ["filters"] = new JsonArray(new JsonObject { ["property"] = "price", ["operator"] = "above", ["value"] = 3 }) }, new JsonObject()),
            ["order"] = "sideways",
            ["window"] = "400d",
            ["breakdown"] = "colour",
            ["colour"] = "red",
        };

        var empty = await (await _read.PostJsonAsync("/v1/analytics/funnels", """{"steps":[]}""")).ProblemAsync(HttpStatusCode.BadRequest);
        var many = await (await _read.PostJsonAsync("/v1/analytics/funnels", tooMany.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = await (await _read.PostJsonAsync("/v1/analytics/funnels", bad.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        var window = await (await _read.PostJsonAsync("/v1/analytics/funnels", """{"steps":[{"event":"a"}],"window":"400d"}""")).ProblemAsync(HttpStatusCode.BadRequest);
        var unauthorised = await _write.PostJsonAsync("/v1/analytics/funnels", """{"steps":[{"event":"a"}]}""");

        Assert.Contains("at least one step", (string)empty["steps"]![0]!, StringComparison.Ordinal);
        Assert.Contains("at most 20 steps", (string)many["steps"]![0]!, StringComparison.Ordinal);
        Assert.Equal(
            ["breakdown", "colour", "order", "steps[0].filters[0].operator", "steps[1].event", "window"],
            errors.Select(static e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("between", (string)window["window"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, unauthorised.StatusCode);
    }
}
