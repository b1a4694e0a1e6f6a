using System.Collections.Concurrent;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.TestKit;
using Orleans.Personalization.Triggers.Webhooks;

namespace Orleans.Personalization.Triggers.Tests;

public sealed partial class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "whsec_0123456789abcdef";
    private DeliveryHarness _silo = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _silo = await DeliveryHarness.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private static (string, string, string) Trigger(string id, string shopper = "u:a", string type = "cart_abandonment") => (id, type, shopper);

    private Task<IReadOnlyList<ReceivedWebhook>> ReceivedAsync(WebhookReceiver receiver, int count, string what) =>
        Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received), r => r.Count >= count, what);

    private Task<DeliveryRecord> SettledAsync(string subscription, long sequence, DeliveryStatus status) =>
        Eventually.ReturnsAsync(async () => await _silo.DeliveryAsync(subscription, sequence), d => d?.Status == status, $"delivery {sequence} to be {status}")!;

    [Fact]
    public async Task DeliveryIsSignedWithTheSecretAndCarriesTheTriggerIdAndBody()
    {
        var subscription = await _silo.SubscribeAsync(_receiver.Url, Secret);
        var sequence = (await _silo.AppendAsync(Trigger("trg_signed")))[0];

        var received = Assert.Single(await ReceivedAsync(_receiver, 1, "one delivery"));

        Assert.Equal("trg_signed", received.Id);
        Assert.Equal(1, received.Attempt);
        Assert.Equal(DeliveryHarness.Body("trg_signed", "cart_abandonment", "u:a"), received.Body);
        Assert.True(WebhookSignature.Verify(Secret, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_someone_else_", received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var delivery = await SettledAsync(subscription, sequence, DeliveryStatus.Delivered);
        Assert.Equal((1, 200), (delivery.Attempts, delivery.LastStatusCode));
    }

    [Fact]
    public async Task ReceiverAnswering500GetsRetriesThenTheDeliveryBecomesADeadLetter()
    {
        _receiver.Respond = static (_, _) => Task.FromResult(500);
        var subscription = await _silo.SubscribeAsync(_receiver.Url, maxAttempts: 3);
        var sequence = (await _silo.AppendAsync(Trigger("trg_failing")))[0];

        var dead = await SettledAsync(subscription, sequence, DeliveryStatus.Dead);
        var attempts = await _silo.AttemptsAsync(subscription, sequence);

        Assert.Equal((3, 500, "HTTP 500"), (dead.Attempts, dead.LastStatusCode, dead.LastError));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.All(attempts, a => Assert.Equal(500, a.StatusCode));
        Assert.Equal([1, 2, 3], _receiver.Received.Select(r => r.Attempt));
        Assert.All(_receiver.Received, r => Assert.Equal("trg_failing", r.Id));
        Assert.True(attempts[0].At <= attempts[1].At && attempts[1].At <= attempts[2].At);
    }

    [Fact]
    public async Task ReceiverThatDoesNotAnswerInTimeFailsTheAttempt()
    {
        using var release = new CancellationTokenSource();
        _receiver.Respond = async (_, aborted) =>
        {
            await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(aborted, release.Token).Token);
            return 200;
        };
        var subscription = await _silo.SubscribeAsync(_receiver.Url, maxAttempts: 2);
        var sequence = (await _silo.AppendAsync(Trigger("trg_slow")))[0];

        var dead = await SettledAsync(subscription, sequence, DeliveryStatus.Dead);

        Assert.Null(dead.LastStatusCode);
        Assert.Equal("no answer within 1 s", dead.LastError);
        await release.CancelAsync();
    }

    [Fact]
    public async Task StuckReceiverDoesNotHoldBackAnotherSubscription()
    {
        await using var stuck = await WebhookReceiver.StartAsync();
        var unblock = new TaskCompletionSource();
        stuck.Respond = async (_, _) =>
        {
            await unblock.Task;
            return 200;
        };
        await _silo.SubscribeAsync(stuck.Url);
        await _silo.SubscribeAsync(_receiver.Url);

        await _silo.AppendAsync(Enumerable.Range(0, 40).Select(i => Trigger($"trg_{i}", $"u:{i}")).ToArray());

        var healthy = await ReceivedAsync(_receiver, 40, "all 40 triggers at the healthy receiver");
        Assert.Equal(40, healthy.Select(r => r.Id).Distinct().Count());
        Assert.True(stuck.Received.Count <= 8, $"the stuck receiver holds at most the request limit in flight, got {stuck.Received.Count}");
        unblock.SetResult();
        await ReceivedAsync(stuck, 40, "all 40 triggers at the released receiver");
    }

    [Fact]
    public async Task FailingTriggerHoldsBackOnlyLaterTriggersOfTheSameShopper()
    {
        var failing = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal) { ["trg_bad_1"] = true };
        _receiver.Respond = (r, _) => Task.FromResult(failing.ContainsKey(r.Id) ? 503 : 200);
        var subscription = await _silo.SubscribeAsync(_receiver.Url, maxAttempts: 50);

        var sequences = await _silo.AppendAsync(
            Trigger("trg_bad_1", "u:bad"), Trigger("trg_bad_2", "u:bad"),
            Trigger("trg_other_1", "u:other-1"), Trigger("trg_other_2", "u:other-2"), Trigger("trg_other_3", "u:other-3"));

        await SettledAsync(subscription, sequences[4], DeliveryStatus.Delivered);
        await Eventually.TrueAsync(() => _receiver.Received.Count(r => r.Id == "trg_bad_1") >= 3, "trg_bad_1 to be retried");
        Assert.DoesNotContain(_receiver.Received, r => r.Id == "trg_bad_2");
        Assert.Equal(DeliveryStatus.Pending, (await _silo.DeliveryAsync(subscription, sequences[1]))!.Status);

        failing.Clear();
        await SettledAsync(subscription, sequences[1], DeliveryStatus.Delivered);
        var badOrder = _receiver.Received.Where(r => r.Id.StartsWith("trg_bad", StringComparison.Ordinal) && r.Attempt > 0).Select(r => r.Id).Distinct();
        Assert.Equal(["trg_bad_1", "trg_bad_2"], badOrder);
    }

    [Fact]
    public async Task OrderHoldsPerShopper()
    {
        await _silo.SubscribeAsync(_receiver.Url);
        var triggers = Enumerable.Range(0, 60).Select(i => Trigger($"trg_{i % 6}_{i / 6}", $"u:{i % 6}")).ToArray();
        await _silo.AppendAsync(triggers);

        var received = await ReceivedAsync(_receiver, 60, "60 deliveries");

        foreach (var shopper in Enumerable.Range(0, 6))
        {
            Assert.Equal(
                Enumerable.Range(0, 10).Select(n => $"trg_{shopper}_{n}"),
                received.Where(r => r.Id.StartsWith($"trg_{shopper}_", StringComparison.Ordinal)).Select(r => r.Id));
        }
    }

    [Fact]
    public async Task DeadLetterRedeliveredThroughTheSubscriptionArrivesWithTheSameId()
    {
        _receiver.Respond = static (_, _) => Task.FromResult(500);
        var subscription = await _silo.SubscribeAsync(_receiver.Url, maxAttempts: 2);
        var sequence = (await _silo.AppendAsync(Trigger("trg_redeliver")))[0];
        await SettledAsync(subscription, sequence, DeliveryStatus.Dead);

        _receiver.Respond = static (_, _) => Task.FromResult(204);
        var requeued = await _silo.Cluster.GrainFactory.GetGrain<IWebhookSubscriptionGrain>(subscription).RedeliverAsync(null);

        var delivered = await SettledAsync(subscription, sequence, DeliveryStatus.Delivered);
        Assert.Equal(1, requeued);
        Assert.Equal((1, 204), (delivered.Attempts, delivered.LastStatusCode));
        Assert.Equal(3, _receiver.Received.Count);
        Assert.All(_receiver.Received, r => Assert.Equal("trg_redeliver", r.Id));
        Assert.Equal(3, (await _silo.AttemptsAsync(subscription, sequence)).Count);
    }

    [Fact]
    public async Task PendingDeliveriesResumeAfterACrashAndEachIsDeliveredOnce()
    {
        _receiver.Respond = static (_, _) => Task.FromResult(503);
        var subscription = await _silo.SubscribeAsync(_receiver.Url, maxAttempts: 50);
        var sequences = await _silo.AppendAsync(Enumerable.Range(0, 20).Select(i => Trigger($"trg_{i}", $"u:{i % 4}")).ToArray());
        await Eventually.TrueAsync(() => _receiver.Received.Select(r => r.Id).Distinct().Count() == 4, "the first trigger of each shopper to be tried");

        await _silo.Cluster.CrashAndRestartAsync();
        _receiver.Respond = static (_, _) => Task.FromResult(200);

        foreach (var sequence in sequences)
        {
            await SettledAsync(subscription, sequence, DeliveryStatus.Delivered);
        }

        var successes = _receiver.Received.Where(r => r.Attempt > 0).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(20, successes.Count);
    }

    [Fact]
    public async Task MorePendingDeliveriesThanFitInMemoryAreAllDeliveredInShopperOrderAfterARestart()
    {
        await _silo.DisposeAsync();
        _silo = await DeliveryHarness.StartAsync(new Dictionary<string, string?> { ["Webhooks:MaxPendingInMemory"] = "100" });
        _receiver.Respond = static (_, _) => Task.FromResult(503);
        var subscription = await _silo.SubscribeAsync(_receiver.Url, maxAttempts: 50);
        var sequences = await _silo.AppendAsync(Enumerable.Range(0, 350).Select(i => Trigger($"trg_{i % 7}_{i / 7}", $"u:{i % 7}")).ToArray());
        await Eventually.TrueAsync(async () => await _silo.Deliveries.ReadCursorAsync($"webhook:{subscription}") >= sequences[^1], "all 350 queued");

        await _silo.Cluster.CrashAndRestartAsync();
        var delivered = new ConcurrentQueue<string>();
        _receiver.Respond = (r, _) =>
        {
            delivered.Enqueue(r.Id);
            return Task.FromResult(200);
        };

        await Eventually.TrueAsync(() => delivered.Distinct().Count() == 350, "all 350 delivered");
        foreach (var shopper in Enumerable.Range(0, 7))
        {
            Assert.Equal(
                Enumerable.Range(0, 50).Select(n => $"trg_{shopper}_{n}"),
                delivered.Where(id => id.StartsWith($"trg_{shopper}_", StringComparison.Ordinal)).Distinct());
        }
    }

    [Fact]
    public async Task SubscriptionGetsOnlyItsTypesAndNeverHoldoutTriggers()
    {
        var subscription = await _silo.SubscribeAsync(_receiver.Url, types: ["price_drop", "back_in_stock"]);
        await _silo.AppendAsync(
        [
            new OutboxMessage("trg_cart", "cart_abandonment", "u:a", DateTimeOffset.UtcNow, false, DeliveryHarness.Body("trg_cart", "cart_abandonment", "u:a")),
            new OutboxMessage("trg_held", "price_drop", "u:b", DateTimeOffset.UtcNow, true, DeliveryHarness.Body("trg_held", "price_drop", "u:b")),
            new OutboxMessage("trg_drop", "price_drop", "u:c", DateTimeOffset.UtcNow, false, DeliveryHarness.Body("trg_drop", "price_drop", "u:c")),
        ]);
        var last = (await _silo.AppendAsync(Trigger("trg_stock", "u:d", "back_in_stock")))[0];

        await SettledAsync(subscription, last, DeliveryStatus.Delivered);

        Assert.Equal(["trg_drop", "trg_stock"], _receiver.Received.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NewSubscriptionStartsWithTriggersAppendedAfterIt()
    {
        await _silo.AppendAsync(Trigger("trg_before"));
        var subscription = await _silo.SubscribeAsync(_receiver.Url);
        var after = (await _silo.AppendAsync(Trigger("trg_after")))[0];

        await SettledAsync(subscription, after, DeliveryStatus.Delivered);

        Assert.Equal(["trg_after"], _receiver.Received.Select(r => r.Id));
    }

    [Fact]
    public async Task DisabledSubscriptionQueuesNothingUntilItIsEnabled()
    {
        var subscription = await _silo.SubscribeAsync(_receiver.Url, enabled: false);
        var sequence = (await _silo.AppendAsync(Trigger("trg_wait")))[0];
        var other = await _silo.SubscribeAsync(_receiver.Url, types: ["cart_abandonment"]);
        await SettledAsync(other, (await _silo.AppendAsync(Trigger("trg_other")))[0], DeliveryStatus.Delivered);
        Assert.Null(await _silo.DeliveryAsync(subscription, sequence));

        await _silo.Cluster.GrainFactory.GetGrain<IWebhookSubscriptionGrain>(subscription).UpdateAsync(new WebhookSubscriptionChange { Enabled = true });

        await SettledAsync(subscription, sequence, DeliveryStatus.Delivered);
    }
}
