using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Personalization.Api.Tests.Triggers;
using Orleans.Personalization.TestKit;
using RabbitMQ.Client;

namespace Orleans.Personalization.Api.Tests.Processes;

/// <summary>
/// The real service is killed (SIGKILL) while cart abandonment triggers are due and webhook deliveries are
/// failing; after a restart on the same data folder every trigger arrives, each shopper's cart under one id.
/// </summary>
public sealed class TriggerDurabilityTests : IAsyncLifetime
{
    private const string WriteKey = "proc-write-key";
    private const string ReadKey = "proc-read-key";
    private const int Shoppers = 40;
    private readonly TempDirectory _data = new("op-trigger-proc");
    private readonly string _exchange = $"test.kill.{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, string> _deliveredByShopper = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<(string Shopper, string Id)> _requests = [];
    private volatile bool _receiverUp;
    private WebhookReceiver _receiver = null!;

    private Dictionary<string, string> Settings
    {
        get
        {
            var settings = new Dictionary<string, string>
            {
                ["ApiKeys:WriteKeys:0"] = WriteKey,
                ["ApiKeys:ReadKeys:0"] = ReadKey,
                ["Storage:Sqlite:DataDirectory"] = _data.Path,
                ["Webhooks:DenyPrivateNetworks"] = "false",
                ["Webhooks:MaxAttempts"] = "50",
                ["Webhooks:RetryBaseDelay"] = "00:00:00.100",
                ["Webhooks:RetryMaxDelay"] = "00:00:00.300",
                ["Outbox:PollInterval"] = "00:00:00.100",
                ["Silo:ReminderPollInterval"] = "00:00:00.100",
            };
            if (RabbitMqTestBroker.Unavailable is null)
            {
                settings["RabbitMq:ConnectionString"] = RabbitMqTestBroker.ConnectionString;
                settings["RabbitMq:Exchange"] = _exchange;
            }

            return settings;
        }
    }

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _receiver.Respond = (request, _) =>
        {
            var shopper = ShopperOf(JsonNode.Parse(request.Text)!);
            _requests.Add((shopper, request.Id));
            if (!_receiverUp)
            {
                return Task.FromResult(503);
            }

            _deliveredByShopper.AddOrUpdate(shopper, request.Id, (_, first) => first == request.Id ? first : $"{first} and {request.Id}");
            return Task.FromResult(200);
        };
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _data.Dispose();
    }

    private static string ShopperOf(JsonNode trigger) => (string)trigger["shopper"]!["anonymousIds"]![0]!;

    private static HttpClient Client(ServiceProcess service, string key)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        return client;
    }

    private static async Task LeaveCartsAsync(HttpClient write, IEnumerable<string> shoppers)
    {
        foreach (var shopper in shoppers)
        {
            var response = await write.PostJsonAsync("/v1/track", $$$"""
                {"anonymousId":"{{{shopper}}}","event":"Product Added","properties":{"product_id":"p-{{{shopper}}}","price":30}}
                """);
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task<JsonArray> CartTriggersAsync(HttpClient read) =>
        (await (await read.GetAsync("/v1/triggers?types=cart_abandonment&limit=1000")).ReadJsonAsync())["items"]!.AsArray();

    [Fact]
    public async Task AfterAKillWithTriggersDueAndDeliveriesFailingEveryTriggerArrivesOnceUnderOneId()
    {
        var shoppers = Enumerable.Range(0, Shoppers).Select(i => $"kill-{i}-{Guid.NewGuid():N}"[..16]).ToArray();
        await using var broker = await BrokerQueue.OpenAsync(_exchange);
        await using (var first = await ServiceProcess.StartReadyAsync(Settings))
        {
            using var write = Client(first, WriteKey);
            using var read = Client(first, ReadKey);
            (await write.PatchAsync("/v1/triggers/settings", HttpJson.Body(new { cartAbandonment = new { delay = "00:00:02" }, highIntent = new { enabled = false } }))).EnsureSuccessStatusCode();
            (await write.PostJsonAsync("/v1/webhooks", $$"""{"url":"{{_receiver.Url}}","types":["cart_abandonment"]}""")).EnsureSuccessStatusCode();

            // Half the carts are left long enough to fire (their deliveries fail: the receiver is down)...
            await LeaveCartsAsync(write, shoppers[..(Shoppers / 2)]);
            await Eventually.ReturnsAsync(() => CartTriggersAsync(read), t => t.Count >= Shoppers / 4, "some carts to fire");
            await Eventually.TrueAsync(() => !_requests.IsEmpty, "a failed delivery attempt");

            // ...and the other half are still waiting for their delay when the process dies.
            await LeaveCartsAsync(write, shoppers[(Shoppers / 2)..]);
            await first.KillAsync();
        }

        _receiverUp = true;
        await using var second = await ServiceProcess.StartReadyAsync(Settings);
        using var reader = Client(second, ReadKey);
        await Eventually.TrueAsync(() => _deliveredByShopper.Count == Shoppers, "every shopper's trigger delivered", TimeSpan.FromSeconds(60));

        var stored = await CartTriggersAsync(reader);
        Assert.Equal(Shoppers, stored.Count);
        Assert.Equal(shoppers.Order(StringComparer.Ordinal), stored.Select(t => ShopperOf(t!["trigger"]!)).Order(StringComparer.Ordinal));
        var idByShopper = stored.ToDictionary(t => ShopperOf(t!["trigger"]!), t => (string)t!["trigger"]!["id"]!);
        Assert.All(_deliveredByShopper, pair => Assert.Equal(idByShopper[pair.Key], pair.Value));
        Assert.All(_requests, request => Assert.Equal(idByShopper[request.Shopper], request.Id));

        await using var stream = await SseClient.OpenAsync(reader, "/v1/triggers/stream?types=cart_abandonment", lastEventId: "0");
        var streamed = new List<string>();
        for (var i = 0; i < Shoppers; i++)
        {
            streamed.Add((string)(await stream.NextAsync()).Json["id"]!);
        }

        Assert.Equal(idByShopper.Values.Order(StringComparer.Ordinal), streamed.Order(StringComparer.Ordinal));
        if (broker is not null)
        {
            var published = await broker.TakeDistinctAsync(Shoppers);
            Assert.Equal(idByShopper.Values.Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>A queue bound to the test exchange before the service starts, when a broker is available.</summary>
    private sealed class BrokerQueue : IAsyncDisposable
    {
        private readonly IConnection _connection;
        private readonly IChannel _channel;
        private readonly string _exchange;
        private readonly string _queue;

        private BrokerQueue(IConnection connection, IChannel channel, string exchange, string queue)
        {
            _connection = connection;
            _channel = channel;
            _exchange = exchange;
            _queue = queue;
        }

        public static async Task<BrokerQueue?> OpenAsync(string exchange)
        {
            if (RabbitMqTestBroker.Unavailable is not null)
            {
                return null;
            }

            var connection = await new ConnectionFactory { Uri = new Uri(RabbitMqTestBroker.ConnectionString) }.CreateConnectionAsync();
            var channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
            var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
            await channel.QueueBindAsync(queue, exchange, "cart_abandonment");
            return new BrokerQueue(connection, channel, exchange, queue);
        }

        /// <summary>Message ids from the queue until <paramref name="count"/> distinct ones arrived (a redelivery repeats an id).</summary>
        public async Task<IReadOnlyCollection<string>> TakeDistinctAsync(int count)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await Eventually.TrueAsync(async () =>
            {
                while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } message)
                {
                    ids.Add(message.BasicProperties.MessageId!);
                }

                return ids.Count >= count;
            }, $"{count} distinct triggers on the RabbitMQ queue");
            return ids;
        }

        public async ValueTask DisposeAsync()
        {
            await _channel.ExchangeDeleteAsync(_exchange);
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
