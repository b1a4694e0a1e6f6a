using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;
using static Orleans.Personalization.Api.Tests.Analytics.AnalyticsTraffic;

namespace Orleans.Personalization.Api.Tests.Analytics;

/// <summary>Experiments over HTTP: definitions, deterministic sticky assignments with one exposure per version, results and alerts.</summary>
public sealed class ExperimentApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    private static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static JsonObject Experiment(string key, int a = 50, int b = 50) => new()
    {
        ["key"] = key,
        ["variants"] = new JsonArray(new JsonObject { ["key"] = "a", ["weight"] = a }, new JsonObject { ["key"] = "b", ["weight"] = b }),
    };

    private static ExperimentDefinition Definition(string key, int a = 50, int b = 50) => new(key, [new ExperimentVariant("a", a), new ExperimentVariant("b", b)]);

    private Task<JsonNode> AssignAsync(string key, string shopper) => _read.GetOkAsync($"/v1/experiments/{key}/assignment?{shopper}");

    private async Task<int> ExposuresAsync(string stream) =>
        (await app.Services.GetRequiredService<IJournalStore>().ReadStreamAsync(stream, 0)).Count(static r => r.EventType == "experiment-exposure");

    [Fact]
    public async Task AnAssignmentIsTheHashedVariantStaysPutWhenReweightedAndLogsOneExposurePerVersion()
    {
        var key = NewKey("exp");
        await _write.PostOkAsync("/v1/experiments", Experiment(key), HttpStatusCode.Created);
        var userId = NewKey("u");

        var first = await AssignAsync(key, $"userId={userId}");
        var again = await AssignAsync(key, $"userId={userId}");
        var variant = ExperimentAssigner.Choose(Definition(key), ShopperKey.ForUser(userId));
        var other = variant == "a" ? "b" : "a";
        var revised = await _write.PutAsync($"/v1/experiments/{key}", new StringContent(Experiment(key, a: other == "a" ? 100 : 0, b: other == "b" ? 100 : 0).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var afterRevision = await AssignAsync(key, $"userId={userId}");
        var newcomer = await AssignAsync(key, $"userId={NewKey("u")}");

        Assert.Equal((variant, true, 1), ((string)first["variant"]!, (bool)first["exposureLogged"]!, (int)first["assignedVersion"]!));
        Assert.Equal((variant, false), ((string)again["variant"]!, (bool)again["exposureLogged"]!));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal((variant, true, 1, 2), ((string)afterRevision["variant"]!, (bool)afterRevision["exposureLogged"]!, (int)afterRevision["assignedVersion"]!, (int)afterRevision["version"]!));
        Assert.Equal(other, (string)newcomer["variant"]!);
        Assert.Equal(2, await ExposuresAsync($"user/u:{userId}"));
    }

    [Fact]
    public async Task AVisitorsVariantStaysWithThemAfterTheyLogIn()
    {
        var key = NewKey("exp");
        await _write.PostOkAsync("/v1/experiments", Experiment(key), HttpStatusCode.Created);
        var visitor = NewKey("v");
        var variant = ExperimentAssigner.Choose(Definition(key), ShopperKey.ForAnonymous(visitor));
        string userId;
        do
        {
            userId = NewKey("u");
        }
        while (ExperimentAssigner.Choose(Definition(key), ShopperKey.ForUser(userId)) == variant);

        await AssignAsync(key, $"anonymousId={visitor}");
        await _write.SendAsync(Identify(userId, visitor, DateTimeOffset.UtcNow, new JsonObject { ["plan"] = "gold" }));
        var asUser = await AssignAsync(key, $"userId={userId}");
        var asVisitor = await AssignAsync(key, $"anonymousId={visitor}");

        Assert.Equal((variant, false), ((string)asUser["variant"]!, (bool)asUser["exposureLogged"]!));
        Assert.Equal((variant, userId), ((string)asVisitor["variant"]!, (string)asVisitor["shopper"]!["userId"]!));
    }

    [Fact]
    public async Task TargetingOnATraitKeepsOtherShoppersOutWithoutAnExposure()
    {
        var key = NewKey("exp");
        var body = Experiment(key).With("targeting", new JsonArray(new JsonObject { ["property"] = "plan", ["operator"] = "in", ["values"] = new JsonArray("gold", "platinum") }));
        await _write.PostOkAsync("/v1/experiments", body, HttpStatusCode.Created);
        var (gold, basic) = (NewKey("u"), NewKey("u"));
        await _write.SendAsync(Identify(gold, NewKey("v"), DateTimeOffset.UtcNow, new JsonObject { ["plan"] = "gold" }), Identify(basic, NewKey("v"), DateTimeOffset.UtcNow, new JsonObject { ["plan"] = "basic" }));

        var inside = await AssignAsync(key, $"userId={gold}");
        var outside = await AssignAsync(key, $"userId={basic}");

        Assert.True((bool)inside["inExperiment"]!);
        Assert.Equal((false, false), ((bool)outside["inExperiment"]!, (bool)outside["exposureLogged"]!));
        Assert.Equal(0, await ExposuresAsync($"user/u:{basic}"));
    }

    [Fact]
    public async Task BadDefinitionsAreRefusedNamingTheField()
    {
        var key = NewKey("exp");
        await _write.PostOkAsync("/v1/experiments", Experiment(key), HttpStatusCode.Created);

        var weights = await (await _write.PostJsonAsync("/v1/experiments", Experiment(NewKey("exp"), 60, 50).ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        var duplicate = await (await _write.PostJsonAsync("/v1/experiments", Experiment(key.ToUpperInvariant()).ToJsonString())).ProblemAsync(HttpStatusCode.Conflict);
        var shape = await (await _write.PostJsonAsync("/v1/experiments", Experiment("bad key!").With("targeting", new JsonArray(new JsonObject { ["property"] = "loyaltyScore", ["operator"] = "above", ["value"] = 3 })).With("colour", "red").ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        var overrides = await (await _write.PostJsonAsync("/v1/experiments", new JsonObject
        {
            ["key"] = NewKey("exp"),
            ["variants"] = new JsonArray(new JsonObject { ["key"] = "a", ["weight"] = 50 }, new JsonObject { ["key"] = "b", ["weight"] = 50, ["recommendations"] = new JsonObject { ["hom"] = new JsonObject { ["popular"] = 1 } }, ["triggers"] = new JsonObject { ["cartAbandonment"] = new JsonObject { ["delay"] = "45.00:00:00" } } }),
        }.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        var removal = await (await _write.PutAsync($"/v1/experiments/{key}", Json(new JsonObject { ["variants"] = new JsonArray(new JsonObject { ["key"] = "a", ["weight"] = 100 }, new JsonObject { ["key"] = "c", ["weight"] = 0 }) }))).ProblemAsync(HttpStatusCode.BadRequest);
        var control = await (await _write.PutAsync($"/v1/experiments/{key}", Json(Experiment(key).With("control", "b")))).ProblemAsync(HttpStatusCode.BadRequest);
        var stale = await (await _write.PutAsync($"/v1/experiments/{key}", Json(Experiment(key).With("version", 7)))).ProblemAsync(HttpStatusCode.Conflict);
        var unknown = await _write.PutAsync($"/v1/experiments/{NewKey("none")}", Json(Experiment("x")));
        var noShopper = await (await _read.GetAsync($"/v1/experiments/{key}/assignment")).ProblemAsync(HttpStatusCode.BadRequest);
        var readKeyWrites = await _read.PostJsonAsync("/v1/experiments", Experiment(NewKey("exp")).ToJsonString());

        Assert.Contains("sum to 100, got 110", (string)weights["variants"]![0]!, StringComparison.Ordinal);
        Assert.True(duplicate.ContainsKey("key"));
        Assert.Equal(["colour", "targeting[0].operator"], shape.Select(static e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["variants[1].recommendations.hom", "variants[1].triggers.cartAbandonment.delay"], overrides.Select(static e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("'b'", (string)removal["variants"]![0]!, StringComparison.Ordinal);
        Assert.True(control.ContainsKey("control"));
        Assert.True(stale.ContainsKey("version"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(noShopper.ContainsKey("userId"));
        Assert.Equal(HttpStatusCode.Forbidden, readKeyWrites.StatusCode);
        Assert.Equal(1, (int)(await _read.GetOkAsync($"/v1/experiments/{key}"))["version"]!);
    }

    [Fact]
    public async Task ResultsCountExposedShoppersFlagASampleRatioMismatchAndAlertTheTriggerStreamOnce()
    {
        var key = NewKey("srm");
        await _write.PostOkAsync("/v1/experiments", Experiment(key), HttpStatusCode.Created);
        // A store logging exposures itself (Segment's "Experiment Viewed"): 120 in a, 30 in b, where 50/50 was set.
        // Every tenth shopper of a and every fifth of b buys for 10 afterwards.
        var t = Day(20).AddHours(9);
        var messages = new List<JsonObject>();
        for (var i = 0; i < 150; i++)
        {
            var (shopper, variant) = ($"{key}-s{i}", i < 120 ? "a" : "b");
            messages.Add(Track(shopper, "Experiment Viewed", t, new JsonObject { ["experiment_id"] = key, ["variation_id"] = variant }));
            if ((variant == "a" && i % 10 == 0) || (variant == "b" && i % 5 == 0))
            {
                messages.Add(Order(shopper, t.AddMinutes(5), 10));
            }
        }

        await _write.SendAsync([.. messages]);
        await app.AnalyticsCaughtUpAsync();

        var results = await _read.GetOkAsync($"/v1/experiments/{key}/results");
        await _read.GetOkAsync($"/v1/experiments/{key}/results");
        await app.Services.GetRequiredService<ProjectionService>().RunOnceAsync();
        var outbox = await app.Services.GetRequiredService<IOutboxStore>().ReadAsync(0, 1000, ["experiment_alert"]);

        var variants = results["variants"]!.AsArray();
        Assert.Equal([(120, 12, 0.1), (30, 6, 0.2)], variants.Select(static v => ((int)v!["exposures"]!, (int)v["conversions"]!, (double)v["conversionRate"]!["value"]!)));
        Assert.True((bool)results["sampleRatio"]!["mismatch"]!);
        Assert.Contains(results["warnings"]!.AsArray(), static w => (string)w!["code"]! == "sample_ratio_mismatch");
        var alert = Assert.Single(outbox, e => e.Key == $"experiment:{key}");
        Assert.Contains("\"kind\":\"sample_ratio_mismatch\"", System.Text.Encoding.UTF8.GetString(alert.Payload), StringComparison.Ordinal);
        Assert.Single((await _read.GetOkAsync($"/v1/experiments/{key}"))["alerts"]!.AsArray());
    }

    [Fact]
    public async Task AGuardrailTheVariantHarmsFailsAndRaisesAnAlert()
    {
        var key = NewKey("grd");
        await _write.PostOkAsync("/v1/experiments", Experiment(key).With("guardrails", new JsonArray(new JsonObject { ["event"] = "Product Removed", ["failWhen"] = "increase" })), HttpStatusCode.Created);
        // 200 shoppers per variant; 10 remove something from the cart under a, 120 under b.
        var t = Day(21).AddHours(9);
        var messages = new List<JsonObject>();
        for (var i = 0; i < 400; i++)
        {
            var (shopper, variant, index) = ($"{key}-s{i}", i < 200 ? "a" : "b", i % 200);
            messages.Add(Track(shopper, "Experiment Viewed", t, new JsonObject { ["experiment_id"] = key, ["variation_id"] = variant }));
            if (index < (variant == "a" ? 10 : 120))
            {
                messages.Add(Track(shopper, "Product Removed", t.AddMinutes(1)));
            }
        }

        await _write.SendAsync([.. messages]);
        await app.AnalyticsCaughtUpAsync();

        var results = await _read.GetOkAsync($"/v1/experiments/{key}/results");

        var guardrail = Assert.Single(results["guardrails"]!.AsArray())!;
        Assert.Equal(("b", 0.05, 0.6, true), ((string)guardrail["variant"]!, (double)guardrail["controlRate"]!, (double)guardrail["variantRate"]!, (bool)guardrail["failed"]!));
        var alert = Assert.Single(results["alerts"]!.AsArray())!;
        Assert.Equal(("guardrail_failed", "b", "Product Removed"), ((string)alert["kind"]!, (string)alert["variant"]!, (string)alert["metric"]!));
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
