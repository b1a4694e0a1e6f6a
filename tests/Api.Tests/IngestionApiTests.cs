using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Api.Tests;

public sealed class IngestionApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    private static string NewId() => Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task TrackedEventIsInTheProfileWhenTheCallAnswers()
    {
        var user = NewId();
        var response = await _write.PostJsonAsync("/v1/track", $$$"""
            {"userId":"{{{user}}}","event":"Product Added","properties":{"product_id":"sku-1","name":"Trail shoe","category":"Shoes","price":80,"quantity":2}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await response.ReadJsonAsync())["accepted"]!);
        var cart = (await _read.GetProfileAsync(user))["cart"]!;
        Assert.Equal(160m, (decimal)cart["value"]!);
        Assert.Equal("Trail shoe", (string)cart["items"]![0]!["name"]!);
    }

    [Fact]
    public async Task PageIdentifyAndScreenCallsAreAccepted()
    {
        var user = NewId();
        Assert.Equal(HttpStatusCode.OK, (await _write.PostJsonAsync("/v1/page", $$$"""{"userId":"{{{user}}}","name":"Home"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _write.PostJsonAsync("/v1/screen", $$$"""{"userId":"{{{user}}}","name":"Cart"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _write.PostJsonAsync("/v1/identify", $$$"""{"userId":"{{{user}}}","traits":{"plan":"gold"}}""")).StatusCode);

        var profile = await _read.GetProfileAsync(user);

        Assert.Equal(3, (int)profile["eventCount"]!);
        Assert.Equal("gold", (string)profile["traits"]!["plan"]!);
        Assert.Equal(2, (int)profile["sessions"]!["current"]!["pageViews"]!);
    }

    [Fact]
    public async Task BatchStoresGoodMessagesAndReportsEachBadOneByIndex()
    {
        var user = NewId();
        var response = await _write.PostJsonAsync("/v1/batch", $$$"""
            {"batch":[
              {"type":"track","userId":"{{{user}}}","event":"Product Viewed","properties":{"product_id":"a"}},
              {"type":"track","userId":"{{{user}}}","event":"Product Viewed","properties":{"product_id":"b","price":"cheap"}},
              {"type":"shout","userId":"{{{user}}}"},
              {"type":"track","event":"Product Viewed","properties":{"product_id":"c"}},
              {"type":"page","userId":"{{{user}}}","name":"Home","timestamp":"yesterday"},
              {"type":"track","userId":"{{{user}}}","event":"Products Searched","properties":{"query":"boots"}}
            ]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(2, (int)body["accepted"]!);
        var rejected = body["rejected"]!.AsArray().Select(r => ((int)r!["index"]!, (string)r["errors"]![0]!["field"]!)).ToArray();
        Assert.Equal([(1, "batch[1].properties.price"), (2, "batch[2].type"), (3, "batch[3].userId"), (4, "batch[4].timestamp")], rejected);
        var profile = await _read.GetProfileAsync(user);
        Assert.Equal(2, (int)profile["eventCount"]!);
        Assert.Equal("boots", (string)profile["recentSearches"]![0]!["query"]!);
    }

    [Fact]
    public async Task BatchWithNothingGoodIsAProblemNamingEveryField()
    {
        var response = await _write.PostJsonAsync("/v1/batch", """{"batch":[{"type":"track","userId":"u"},{"type":"page"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order().ToArray();
        Assert.Equal(["batch[0].event", "batch[1].userId"], errors);
    }

    [Theory]
    [InlineData("""{"userId":"u1","event":"Product Viewed","properties":{"product_id":"p"}""", "body")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"event":"Product Viewed"}""", "userId")]
    [InlineData("""{"userId":42,"event":"Product Viewed"}""", "userId")]
    [InlineData("""{"userId":"u1","event":7}""", "event")]
    [InlineData("""{"userId":"u1","event":"x","properties":"none"}""", "properties")]
    [InlineData("""{"userId":"u1","event":"x","timestamp":"25/11/2026"}""", "timestamp")]
    [InlineData("""{"userId":"u1","event":"x","context":{"campaign":{"source":5}}}""", "context.campaign.source")]
    [InlineData("""{"userId":"u1","event":"Order Completed","properties":{"revenue":-3,"order_id":"o"}}""", "properties.revenue")]
    public async Task BadInputIsAProblemNamingTheField(string json, string field)
    {
        var response = await _write.PostJsonAsync("/v1/track", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![field]);
    }

    [Fact]
    public async Task UnknownEventNamesAreKeptAsCustomEvents()
    {
        var user = NewId();
        var response = await _write.PostJsonAsync("/v1/track", $$$"""{"userId":"{{{user}}}","event":"Gift Card Redeemed","properties":{"amount":25}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var journal = await app.Services.GetRequiredService<IJournalStore>().ReadStreamAsync($"user/u:{user}", 0);
        Assert.Equal("custom", Assert.Single(journal).EventType);
    }

    [Fact]
    public async Task MessageOverThirtyTwoKilobytesIsTooLarge()
    {
        var response = await _write.PostJsonAsync("/v1/track", $$$"""{"userId":"u1","event":"x","properties":{"blob":"{{{new string('x', 33 * 1024)}}}"}}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body", (string)(await response.ReadJsonAsync())["field"]!);
    }

    [Fact]
    public async Task BatchOverFiveHundredKilobytesIsTooLargeAndStoresNothing()
    {
        var user = NewId();
        var messages = Enumerable.Range(0, 60).Select(i => $$$"""{"type":"track","userId":"{{{user}}}","event":"x","properties":{"blob":"{{{new string('y', 9000)}}}"}}""");

        var response = await _write.PostJsonAsync("/v1/batch", $$$"""{"batch":[{{{string.Join(',', messages)}}}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _read.GetAsync($"/v1/users/{user}/profile")).StatusCode);
    }

    [Fact]
    public async Task OversizedMessageInsideABatchIsRejectedAlone()
    {
        var user = NewId();
        var response = await _write.PostJsonAsync("/v1/batch", $$$"""
            {"batch":[{"type":"track","userId":"{{{user}}}","event":"x","properties":{"blob":"{{{new string('z', 33 * 1024)}}}"}},
                      {"type":"track","userId":"{{{user}}}","event":"y"}]}
            """);

        var body = await response.ReadJsonAsync();
        Assert.Equal(1, (int)body["accepted"]!);
        Assert.Equal("batch[0]", (string)body["rejected"]![0]!["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task RetriedBatchChangesNothing()
    {
        var user = NewId();
        var batch = $$$"""
            {"batch":[
              {"type":"track","messageId":"{{{user}}}-1","userId":"{{{user}}}","event":"Product Added","properties":{"product_id":"a","price":10}},
              {"type":"track","messageId":"{{{user}}}-2","userId":"{{{user}}}","event":"Order Completed","properties":{"order_id":"o1","revenue":10}}
            ]}
            """;
        await _write.PostJsonAsync("/v1/batch", batch);
        var before = (await _read.GetProfileAsync(user)).ToJsonString();

        var retry = await (await _write.PostJsonAsync("/v1/batch", batch)).ReadJsonAsync();

        Assert.Equal((0, 2), ((int)retry["accepted"]!, (int)retry["duplicates"]!));
        Assert.Equal(StripAsOf(before), StripAsOf((await _read.GetProfileAsync(user)).ToJsonString()));
    }

    [Fact]
    public async Task RetryIsRecognisedTwentyThreeHoursLater()
    {
        var user = NewId();
        var message = $$$"""{"messageId":"{{{user}}}-m","userId":"{{{user}}}","event":"Product Viewed","properties":{"product_id":"p"}}""";
        await _write.PostJsonAsync("/v1/track", message);

        app.Clock.Advance(TimeSpan.FromHours(23));
        var retry = await (await _write.PostJsonAsync("/v1/track", message)).ReadJsonAsync();

        Assert.Equal(1, (int)retry["duplicates"]!);
    }

    [Fact]
    public async Task ClockSkewIsCorrectedFromSentAtAndOriginalTimestamp()
    {
        var user = NewId();
        var receivedAt = app.Clock.GetUtcNow();
        // The device clock runs 2 hours fast: it says the event happened at +1h55m and was sent at +2h.
        var original = receivedAt.AddHours(2).AddMinutes(-5);
        var sentAt = receivedAt.AddHours(2);

        await _write.PostJsonAsync("/v1/batch", $$$"""
            {"sentAt":"{{{sentAt:O}}}","batch":[{"type":"track","userId":"{{{user}}}","event":"x","timestamp":"{{{original:O}}}"}]}
            """);

        var lastSeen = DateTimeOffset.Parse((string)(await _read.GetProfileAsync(user))["lastSeen"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(receivedAt.AddMinutes(-5), lastSeen);
    }

    [Fact]
    public async Task TimestampWithoutSentAtIsTakenAsSent()
    {
        var user = NewId();
        var at = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero);

        await _write.PostJsonAsync("/v1/track", $$$"""{"userId":"{{{user}}}","event":"x","timestamp":"{{{at:O}}}"}""");

        Assert.Equal(at, DateTimeOffset.Parse((string)(await _read.GetProfileAsync(user))["firstSeen"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CampaignPageAndUserAgentAreKeptOnTheEvent()
    {
        var user = NewId();
        await _write.PostJsonAsync("/v1/track", $$$"""
            {"userId":"{{{user}}}","event":"Product Viewed","properties":{"product_id":"p"},
             "context":{"campaign":{"source":"google","medium":"cpc","name":"spring"},"page":{"path":"/p/1","referrer":"https://google.com"},"userAgent":"Mozilla/5.0 test"}}
            """);

        var record = Assert.Single(await app.Services.GetRequiredService<IJournalStore>().ReadStreamAsync($"user/u:{user}", 0));
        var context = JsonNode.Parse(record.Payload)!["context"]!;
        Assert.Equal(("google", "cpc", "spring"), ((string)context["campaign"]!["source"]!, (string)context["campaign"]!["medium"]!, (string)context["campaign"]!["name"]!));
        Assert.Equal("/p/1", (string)context["page"]!["path"]!);
        Assert.Equal("Mozilla/5.0 test", (string)context["userAgent"]!);
        Assert.Equal("google", (string)(await _read.GetProfileAsync(user))["firstTouch"]!["source"]!);
    }

    [Fact]
    public async Task WriteKeyInTheBodyAuthenticatesLikeSegment()
    {
        var anonymous = app.CreateClient(key: null);
        var response = await anonymous.PostJsonAsync("/v1/track", $$$"""{"writeKey":"{{{PersonalizationApp.WriteKey}}}","userId":"{{{NewId()}}}","event":"x"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string StripAsOf(string profileJson)
    {
        var node = JsonNode.Parse(profileJson)!.AsObject();
        node.Remove("asOf");
        node["sessions"]!["current"]!.AsObject().Remove("active");
        return node.ToJsonString();
    }
}
