using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Api.Tests.Triggers;

/// <summary>The SSE stream on the real clock: high-intent triggers fire at once, so these need no waiting.</summary>
public sealed class TriggerStreamTests(TriggerApp app) : IClassFixture<TriggerApp>
{
    private readonly HttpClient _write = app.CreateClient(TriggerApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(TriggerApp.ReadKey);

    /// <summary>Three cart adds and a checkout: a high-intent trigger for the shopper, at once.</summary>
    private async Task<string> ShowIntentAsync()
    {
        var anonymousId = Guid.NewGuid().ToString("N");
        var response = await _write.PostJsonAsync("/v1/batch", $$$"""
            {"batch":[
              {"type":"track","anonymousId":"{{{anonymousId}}}","event":"Product Added","properties":{"product_id":"a","price":10}},
              {"type":"track","anonymousId":"{{{anonymousId}}}","event":"Product Added","properties":{"product_id":"b","price":10}},
              {"type":"track","anonymousId":"{{{anonymousId}}}","event":"Product Added","properties":{"product_id":"c","price":10}},
              {"type":"track","anonymousId":"{{{anonymousId}}}","event":"Checkout Started","properties":{}}
            ]}
            """);
        response.EnsureSuccessStatusCode();
        return anonymousId;
    }

    private static string ShopperOf(JsonNode trigger) => (string)trigger["shopper"]!["anonymousIds"]![0]!;

    [Fact]
    public async Task StreamResumesAfterLastEventIdWithoutGapsOrRepeats()
    {
        await using (var warmup = await SseClient.OpenAsync(_read, "/v1/triggers/stream?types=high_intent"))
        {
            await ShowIntentAsync();
            await warmup.NextAsync();
        }

        var shoppers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            shoppers.Add(await ShowIntentAsync());
        }

        // A client that saw only the first of them before its connection broke resumes after that one.
        var ours = (await Eventually.ReturnsAsync(
            async () => (await (await _read.GetAsync("/v1/triggers?types=high_intent&limit=1000")).ReadJsonAsync())["items"]!.AsArray()
                .Where(i => shoppers.Contains(ShopperOf(i!["trigger"]!))).ToArray(),
            items => items.Length == 6,
            "the six triggers in the outbox"))!;
        var firstSequence = ((long)ours[0]!["sequence"]!).ToString(CultureInfo.InvariantCulture);
        await using var resumed = await SseClient.OpenAsync(_read, "/v1/triggers/stream?types=high_intent", lastEventId: firstSequence);

        var events = new List<SseEvent>();
        for (var i = 0; i < 5; i++)
        {
            events.Add(await resumed.NextAsync());
        }

        Assert.Equal(ours.Skip(1).Select(i => ((long)i!["sequence"]!).ToString(CultureInfo.InvariantCulture)), events.Select(e => e.Id));
        Assert.Equal(ours.Skip(1).Select(i => (string)i!["trigger"]!["id"]!), events.Select(e => (string)e.Json["id"]!));
        Assert.All(events, e => Assert.Equal("high_intent", e.Type));

        // Order is kept per shopper, not across shoppers: two shoppers' triggers pending in one pass of the outbox
        // projection enter it in partition order. So the stream follows the outbox, and holds every other shopper.
        Assert.Equal(ours.Skip(1).Select(i => ShopperOf(i!["trigger"]!)), events.Select(e => ShopperOf(e.Json)));
        Assert.Equal(shoppers.Where(s => s != ShopperOf(ours[0]!["trigger"]!)).Order(StringComparer.Ordinal), events.Select(e => ShopperOf(e.Json)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StreamWithoutLastEventIdStartsWithNewTriggersOnly()
    {
        var earlier = await ShowIntentAsync();
        await Eventually.TrueAsync(
            async () => (await (await _read.GetAsync("/v1/triggers?types=high_intent&limit=1000")).ReadJsonAsync())["items"]!.AsArray().Any(i => ShopperOf(i!["trigger"]!) == earlier),
            "the earlier trigger in the outbox");
        await using var stream = await SseClient.OpenAsync(_read, "/v1/triggers/stream?types=high_intent");

        var shopper = await ShowIntentAsync();
        var first = await stream.NextAsync();

        Assert.Equal(shopper, ShopperOf(first.Json));
        Assert.Equal("high_intent", (string)first.Json["type"]!);
        Assert.StartsWith("trg_", (string)first.Json["id"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/triggers/stream?types=cart_abandonment,abandoned", null, "types")]
    [InlineData("/v1/triggers/stream", "yesterday", "Last-Event-ID")]
    [InlineData("/v1/triggers?types=nope", null, "types")]
    [InlineData("/v1/triggers?limit=0", null, "limit")]
    public async Task BadStreamRequestIsAProblemNamingTheParameter(string path, string? lastEventId, string field)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await _read.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task StreamNeedsAReadKey()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _write.GetAsync("/v1/triggers/stream")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/v1/triggers/stream")).StatusCode);
    }
}
