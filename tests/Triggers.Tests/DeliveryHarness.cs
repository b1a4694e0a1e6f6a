using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Grains;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Grains.Webhooks;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Triggers.Tests;

/// <summary>
/// A silo with trigger delivery on the real clock and short retry delays, and helpers to put triggers in
/// the outbox and manage subscriptions the way the API does.
/// </summary>
internal sealed class DeliveryHarness : IAsyncDisposable
{
    private int _next;

    private DeliveryHarness(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IOutboxStore Outbox => Cluster.Services.GetRequiredService<IOutboxStore>();

    public IDeliveryStore Deliveries => Cluster.Services.GetRequiredService<IDeliveryStore>();

    public static async Task<DeliveryHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Webhooks:DenyPrivateNetworks"] = "false",
            ["Webhooks:RetryBaseDelay"] = "00:00:00.020",
            ["Webhooks:RetryMaxDelay"] = "00:00:00.100",
            ["Webhooks:RequestTimeout"] = "00:00:01",
            ["Webhooks:RefreshInterval"] = "00:00:00.200",
            ["Outbox:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var cluster = new InProcessTestCluster(
            services =>
            {
                services.AddPersonalizationGrains();
                services.AddTriggerDelivery();
                services.AddSingleton(TimeProvider.System);
            },
            all);
        await cluster.StartAsync();
        return new DeliveryHarness(cluster);
    }

    /// <summary>Creates a subscription (as POST /v1/webhooks does) and returns its id.</summary>
    public async Task<string> SubscribeAsync(Uri url, string secret = "whsec_0123456789abcdef", IReadOnlyList<string>? types = null, int? maxAttempts = null, bool enabled = true)
    {
        var id = $"wh_{Interlocked.Increment(ref _next)}_{Guid.NewGuid():N}"[..20];
        await Cluster.GrainFactory.GetGrain<IWebhookSubscriptionGrain>(id).CreateAsync(
            new WebhookSubscriptionSpec(url.ToString(), secret, types ?? [], enabled, maxAttempts));
        await Cluster.GrainFactory.GetGrain<IWebhookRegistryGrain>(WebhookRegistryGrain.Key).AddAsync(id);
        return id;
    }

    /// <summary>Appends triggers to the outbox, as the outbox projection does; returns their sequences.</summary>
    public async Task<IReadOnlyList<long>> AppendAsync(params (string Id, string Type, string Shopper)[] triggers) =>
        await AppendAsync(triggers.Select(t => new OutboxMessage(t.Id, t.Type, t.Shopper, DateTimeOffset.UtcNow, false, Body(t.Id, t.Type, t.Shopper))).ToArray());

    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<OutboxMessage> messages)
    {
        var ownership = Cluster.Services.GetRequiredService<IPartitionOwnership>();
        var partition = ownership.LocalPartitions.First();
        ownership.TryGetLocalLease(partition, out var lease);
        var before = await Outbox.LastSequenceAsync();
        await Outbox.AppendAsync(partition, lease!.Epoch, messages);
        return (await Outbox.ReadAsync(before, 10_000, includeWithheld: true)).Select(static e => e.Sequence).ToArray();
    }

    public Task<DeliveryRecord?> DeliveryAsync(string subscriptionId, long sequence) =>
        Deliveries.ReadAsync(WebhookSubscribers.SubscriberOf(subscriptionId), sequence);

    public Task<IReadOnlyList<DeliveryAttempt>> AttemptsAsync(string subscriptionId, long sequence) =>
        Deliveries.ReadAttemptsAsync(WebhookSubscribers.SubscriberOf(subscriptionId), sequence);

    public static byte[] Body(string id, string type, string shopper) =>
        Encoding.UTF8.GetBytes($$$"""{"id":"{{{id}}}","type":"{{{type}}}","shopper":{"key":"{{{shopper}}}"}}""");

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
