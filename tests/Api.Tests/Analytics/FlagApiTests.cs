using System.Net;
using System.Text.Json.Nodes;
using static Orleans.Personalization.Api.Tests.Analytics.AnalyticsTraffic;

namespace Orleans.Personalization.Api.Tests.Analytics;

/// <summary>Feature flags over HTTP: targeting on traits and live profile fields, rollout, versions, evaluation through identity merges.</summary>
public sealed class FlagApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    private static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private async Task<bool> EnabledAsync(string flag, string shopper) => (bool)(await _read.GetOkAsync($"/v1/flags/{flag}/evaluation?{shopper}"))["enabled"]!;

    [Fact]
    public async Task AFlagIsOnForTargetedShoppersOnlyAndFollowsAVisitorIntoTheirAccount()
    {
        var flag = NewKey("flag");
        await _write.PostOkAsync("/v1/flags", new JsonObject
        {
            ["key"] = flag,
            ["rolloutPercent"] = 100,
            ["targeting"] = new JsonArray(new JsonObject { ["property"] = "plan", ["operator"] = "equals", ["value"] = "gold" }),
        }, HttpStatusCode.Created);
        var (gold, basic, visitor) = (NewKey("u"), NewKey("u"), NewKey("v"));
        await _write.SendAsync(
            Identify(gold, visitor, DateTimeOffset.UtcNow, new JsonObject { ["plan"] = "gold" }),
            Identify(basic, NewKey("v"), DateTimeOffset.UtcNow, new JsonObject { ["plan"] = "basic" }));

        Assert.True(await EnabledAsync(flag, $"userId={gold}"));
        Assert.False(await EnabledAsync(flag, $"userId={basic}"));
        Assert.True(await EnabledAsync(flag, $"anonymousId={visitor}"));
        Assert.False(await EnabledAsync(flag, $"anonymousId={NewKey("v")}"));
    }

    [Fact]
    public async Task ALiveProfileFieldCanTargetAFlag()
    {
        var flag = NewKey("flag");
        await _write.PostOkAsync("/v1/flags", new JsonObject
        {
            ["key"] = flag,
            ["rolloutPercent"] = 100,
            ["targeting"] = new JsonArray(new JsonObject { ["property"] = "orders", ["operator"] = "greaterOrEqual", ["value"] = 2 }),
        }, HttpStatusCode.Created);
        var shopper = NewKey("v");
        await _write.SendAsync(Order(shopper, DateTimeOffset.UtcNow, 10));
        var afterOne = await EnabledAsync(flag, $"anonymousId={shopper}");

        await _write.SendAsync(Order(shopper, DateTimeOffset.UtcNow, 10));

        Assert.False(afterOne);
        Assert.True(await EnabledAsync(flag, $"anonymousId={shopper}"));
    }

    [Fact]
    public async Task RaisingTheRolloutKeepsEveryoneWhoHadItOnAndIsANewVersion()
    {
        var flag = NewKey("flag");
        await _write.PostOkAsync("/v1/flags", new JsonObject { ["key"] = flag, ["rolloutPercent"] = 30 }, HttpStatusCode.Created);
        var shoppers = Enumerable.Range(0, 40).Select(_ => $"anonymousId={NewKey("v")}").ToArray();
        var before = new List<bool>();
        foreach (var shopper in shoppers)
        {
            before.Add(await EnabledAsync(flag, shopper));
        }

        var revised = await _write.PutAsync($"/v1/flags/{flag}", new StringContent(new JsonObject { ["rolloutPercent"] = 60 }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var after = new List<bool>();
        foreach (var shopper in shoppers)
        {
            after.Add(await EnabledAsync(flag, shopper));
        }

        Assert.Equal(2, (int)JsonNode.Parse(await revised.Content.ReadAsStringAsync())!["version"]!);
        Assert.All(before.Zip(after), static pair => Assert.True(!pair.First || pair.Second));
        Assert.True(after.Count(static on => on) >= before.Count(static on => on));
        var all = await _read.GetOkAsync($"/v1/flags/evaluations?{shoppers[0]}");
        Assert.Equal(after[0], (bool)all["flags"]![flag]!);
    }

    [Fact]
    public async Task BadFlagsAreRefusedNamingTheField()
    {
        var flag = NewKey("flag");
        await _write.PostOkAsync("/v1/flags", new JsonObject { ["key"] = flag, ["rolloutPercent"] = 10 }, HttpStatusCode.Created);

        var duplicate = await (await _write.PostJsonAsync("/v1/flags", new JsonObject { ["key"] = flag, ["rolloutPercent"] = 10 }.ToJsonString())).ProblemAsync(HttpStatusCode.Conflict);
        var bad = await (await _write.PostJsonAsync("/v1/flags", new JsonObject { ["key"] = "no spaces", ["rolloutPercent"] = 120 }.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await _write.PostJsonAsync("/v1/flags", new JsonObject { ["key"] = NewKey("flag") }.ToJsonString())).ProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await _read.GetAsync($"/v1/flags/{NewKey("none")}/evaluation?userId=x");

        Assert.True(duplicate.ContainsKey("key"));
        Assert.Equal(["key", "rolloutPercent"], bad.Select(static e => e.Key).Order(StringComparer.Ordinal));
        Assert.True(missing.ContainsKey("rolloutPercent"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
