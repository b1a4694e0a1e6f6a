using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Triggers.Outbox;

namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>What every webhook worker shares (one object, so a worker takes one argument).</summary>
public sealed class WebhookDeliveryServices(
    IGrainFactory grains,
    IOutboxStore outbox,
    IDeliveryStore deliveries,
    IPartitionOwnership ownership,
    PartitionMap partitionMap,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider timeProvider,
    ILogger<WebhookDispatcher> logger)
{
    public IGrainFactory Grains { get; } = grains;

    public IOutboxStore Outbox { get; } = outbox;

    public IDeliveryStore Deliveries { get; } = deliveries;

    public IPartitionOwnership Ownership { get; } = ownership;

    public PartitionMap PartitionMap { get; } = partitionMap;

    public WebhookSender Sender { get; } = sender;

    public WebhookOptions Options { get; } = options.Value;

    public OutboxOptions OutboxOptions { get; } = outboxOptions.Value;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = logger;
}
