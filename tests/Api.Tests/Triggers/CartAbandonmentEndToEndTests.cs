using System.Text;
using System.Text.Json.Nodes;
using Orleans.Personalization.TestKit;
using Orleans.Personalization.Triggers.Webhooks;
using RabbitMQ.Client;

namespace Orleans.Personalization.Api.Tests.Triggers;

/// <summary>
/// With the real clock and a one-second delay, a left cart reaches every kind of subscriber: the SSE
/// stream, a signed webhook to a real receiver on loopback, and a RabbitMQ queue.
/// </summary>
public sealed class CartAbandonmentEndToEndTests : IAsyncLifetime
{
    private readonly TriggerApp _app = new();
    private readonly string _exchange = $"test.e2e.{Guid.NewGuid():N}";
    private WebhookReceiver _receiver = null!;
    private HttpClient _write = null!;
    private HttpClient _read = null!;

    public async Task InitializeAsync()
    {
        if (RabbitMqTestBroker.Unavailable is null)
        {
            _app.Settings["RabbitMq:ConnectionString"] = RabbitMqTestBroker.ConnectionString;
            _app.Settings["RabbitMq:Exchange"] = _exchange;
        }

        _receiver = await WebhookReceiver.StartAsync();
        _write = _app.CreateClient(TriggerApp.WriteKey);
        _read = _app.CreateClient(TriggerApp.ReadKey);
        var settings = await _write.PatchAsync("/v1/triggers/settings", HttpJson.Body(new { cartAbandonment = new { delay = "00:00:01" } }));
        settings.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private async Task<string> LeaveACartAsync()
    {
        var anonymousId = Guid.NewGuid().ToString("N");
        var response = await _write.PostJsonAsync("/v1/batch", $$$"""
            {"batch":[
              {"type":"track","anonymousId":"{{{anonymousId}}}","event":"Product Viewed","properties":{"product_id":"scarf","price":25}},
              {"type":"track","anonymousId":"{{{anonymousId}}}","event":"Product Added","properties":{"product_id":"boot","name":"Trail boot","price":120.5,"quantity":2}}
            ]}
            """);
        response.EnsureSuccessStatusCode();
        return anonymousId;
    }

    [Fact]
    public async Task LeftCartArrivesOverSseAndAsASignedWebhook()
    {
        var created = await (await _write.PostJsonAsync("/v1/webhooks", $$"""{"url":"{{_receiver.Url}}","types":["cart_abandonment"]}""")).ReadJsonAsync();
        var secret = (string)created["secret"]!;
        await using var stream = await SseClient.OpenAsync(_read, "/v1/triggers/stream?types=cart_abandonment");

        var shopper = await LeaveACartAsync();

        var streamed = await stream.NextAsync();
        var trigger = streamed.Json;
        Assert.Equal("cart_abandonment", streamed.Type);
        Assert.Equal(shopper, (string)trigger["shopper"]!["anonymousIds"]![0]!);
        Assert.Equal(241m, (decimal)trigger["facts"]!["cart"]!["value"]!);
        Assert.Equal("boot", (string)trigger["facts"]!["cart"]!["lines"]![0]!["productId"]!);
        Assert.Equal(120.5m, (decimal)trigger["facts"]!["cart"]!["lines"]![0]!["price"]!);
        Assert.Equal(["scarf"], trigger["recommendedProducts"]!.AsArray().Select(p => (string)p!["productId"]!));

        var received = await Eventually.ReturnsAsync(() => Task.FromResult(_receiver.Received), r => r.Count > 0, "the webhook delivery");
        var webhook = Assert.Single(received);
        Assert.Equal((string)trigger["id"]!, webhook.Id);
        Assert.Equal(streamed.Data, webhook.Text);
        Assert.True(WebhookSignature.Verify(secret, webhook.Timestamp, webhook.Signature, webhook.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));

        var log = await Eventually.ReturnsAsync(
            async () => await (await _read.GetAsync($"/v1/webhooks/{(string)created["id"]!}/deliveries")).ReadJsonAsync(),
            l => l["items"]!.AsArray().Any(i => (string)i!["status"]! == "delivered"),
            "the delivery log to show the delivery");
        var delivery = log["items"]!.AsArray().Single()!;
        Assert.Equal(((string)trigger["id"]!, 1, 200), ((string)delivery["triggerId"]!, (int)delivery["attempts"]!, (int)delivery["lastStatusCode"]!));
    }

    [Fact]
    public async Task StreamFilteredToCartAbandonmentSkipsTheHighIntentTriggerBeforeIt()
    {
        await _write.PatchAsync("/v1/triggers/settings", HttpJson.Body(new { highIntent = new { threshold = 30 } }));
        await using var stream = await SseClient.OpenAsync(_read, "/v1/triggers/stream?types=cart_abandonment");

        var shopper = await LeaveACartAsync();

        var first = await stream.NextAsync();
        Assert.Equal("cart_abandonment", first.Type);
        Assert.Equal(shopper, (string)first.Json["shopper"]!["anonymousIds"]![0]!);
        var all = await (await _read.GetAsync("/v1/triggers")).ReadJsonAsync();
        var intent = all["items"]!.AsArray().Single(i => (string)i!["trigger"]!["type"]! == "high_intent" && (string)i["trigger"]!["shopper"]!["anonymousIds"]![0]! == shopper)!;
        Assert.True((long)intent["sequence"]! < long.Parse(first.Id, System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task LeftCartArrivesOnARabbitMqQueueBoundToItsType()
    {
        Skip.If(RabbitMqTestBroker.Unavailable is not null, RabbitMqTestBroker.Unavailable);
        await using var connection = await new ConnectionFactory { Uri = new Uri(RabbitMqTestBroker.ConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(_exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, _exchange, "cart_abandonment");

        var shopper = await LeaveACartAsync();

        var message = await Eventually.ReturnsAsync(() => channel.BasicGetAsync(queue, autoAck: true), m => m is not null, "a message on the queue");
        var trigger = JsonNode.Parse(Encoding.UTF8.GetString(message!.Body.Span))!;
        Assert.Equal(("cart_abandonment", (string)trigger["id"]!), (message.RoutingKey, message.BasicProperties.MessageId));
        Assert.Equal(shopper, (string)trigger["shopper"]!["anonymousIds"]![0]!);
        await channel.ExchangeDeleteAsync(_exchange);
    }

    [Fact]
    public async Task TriggerListShowsHoldoutTriggersOnlyWhenAsked()
    {
        await _write.PatchAsync("/v1/triggers/settings", HttpJson.Body(new { holdoutPercent = 100 }));
        var shopper = await LeaveACartAsync();

        var recorded = await Eventually.ReturnsAsync(
            async () => await (await _read.GetAsync("/v1/triggers?includeHoldout=true&types=cart_abandonment")).ReadJsonAsync(),
            page => page["items"]!.AsArray().Any(i => (string)i!["trigger"]!["shopper"]!["anonymousIds"]![0]! == shopper),
            "the holdout trigger to be recorded");
        var delivered = await (await _read.GetAsync("/v1/triggers?types=cart_abandonment")).ReadJsonAsync();

        Assert.True((bool)recorded["items"]!.AsArray().Single()!["trigger"]!["holdout"]!);
        Assert.Empty(delivered["items"]!.AsArray());
    }
}
