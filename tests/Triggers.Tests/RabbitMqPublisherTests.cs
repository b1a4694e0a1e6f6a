using System.Text;
using Orleans.Personalization.TestKit;
using RabbitMQ.Client;

namespace Orleans.Personalization.Triggers.Tests;

/// <summary>Against the real broker that ./test.sh starts (scripts/start-rabbitmq.sh); skipped, saying why, without it.</summary>
public sealed class RabbitMqPublisherTests : IAsyncLifetime
{
    private readonly string _exchange = $"test.triggers.{Guid.NewGuid():N}";
    private DeliveryHarness? _silo;
    private IConnection? _connection;
    private IChannel? _channel;

    public async Task InitializeAsync()
    {
        if (RabbitMqTestBroker.Unavailable is not null)
        {
            return;
        }

        _silo = await DeliveryHarness.StartAsync(new Dictionary<string, string?>
        {
            ["RabbitMq:ConnectionString"] = RabbitMqTestBroker.ConnectionString,
            ["RabbitMq:Exchange"] = _exchange,
        });
        _connection = await new ConnectionFactory { Uri = new Uri(RabbitMqTestBroker.ConnectionString) }.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        await _channel.ExchangeDeclareAsync(_exchange, ExchangeType.Topic, durable: true, autoDelete: false);
    }

    public async Task DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.ExchangeDeleteAsync(_exchange);
            await _channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    private async Task<string> QueueForAsync(string routingKey)
    {
        var queue = (await _channel!.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await _channel.QueueBindAsync(queue, _exchange, routingKey);
        return queue;
    }

    private async Task<List<BasicGetResult>> TakeAsync(string queue, int count)
    {
        var taken = new List<BasicGetResult>();
        await Eventually.TrueAsync(async () =>
        {
            while (await _channel!.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                taken.Add(message);
            }

            return taken.Count >= count;
        }, $"{count} messages on the queue");
        return taken;
    }

    [SkippableFact]
    public async Task TriggersArePublishedToTheTopicExchangeWithTheTypeAsRoutingKey()
    {
        Skip.If(RabbitMqTestBroker.Unavailable is not null, RabbitMqTestBroker.Unavailable);
        var carts = await QueueForAsync("cart_abandonment");
        var everything = await QueueForAsync("#");

        await _silo!.AppendAsync(("trg_c1", "cart_abandonment", "u:a"), ("trg_p1", "price_drop", "u:b"), ("trg_c2", "cart_abandonment", "u:a"));

        var cartMessages = await TakeAsync(carts, 2);
        var all = await TakeAsync(everything, 3);
        Assert.Equal(["trg_c1", "trg_c2"], cartMessages.Select(m => m.BasicProperties.MessageId));
        Assert.Equal(["trg_c1", "trg_p1", "trg_c2"], all.Select(m => m.BasicProperties.MessageId));
        var first = cartMessages[0];
        Assert.Equal(("cart_abandonment", "cart_abandonment", "application/json", DeliveryModes.Persistent),
            (first.RoutingKey, first.BasicProperties.Type, first.BasicProperties.ContentType, first.BasicProperties.DeliveryMode));
        Assert.Equal(DeliveryHarness.Body("trg_c1", "cart_abandonment", "u:a"), first.Body.ToArray());
    }

    [SkippableFact]
    public async Task PublishingGoesOnAfterACrashFromWhereTheConfirmedOnesEnded()
    {
        Skip.If(RabbitMqTestBroker.Unavailable is not null, RabbitMqTestBroker.Unavailable);
        var queue = await QueueForAsync("#");
        var published = await _silo!.AppendAsync(("trg_1", "high_intent", "u:a"), ("trg_2", "high_intent", "u:a"));
        await TakeAsync(queue, 2);
        await Eventually.TrueAsync(
            async () => await _silo.Deliveries.ReadCursorAsync(RabbitMq.RabbitMqPublisher.Subscriber) >= published[^1],
            "the publisher's cursor to pass the confirmed messages");

        await _silo.Cluster.CrashAndRestartAsync();
        await _silo.AppendAsync(("trg_3", "high_intent", "u:a"));

        var after = await TakeAsync(queue, 1);
        Assert.Contains(after, m => Encoding.UTF8.GetString(m.Body.Span).Contains("trg_3", StringComparison.Ordinal));
        Assert.DoesNotContain(after, m => m.BasicProperties.MessageId == "trg_1");
    }
}
