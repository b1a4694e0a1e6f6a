using System.Text.Json;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>
/// Puts experiment alerts on the trigger streams: each journaled alert goes to the outbox once (the outbox drops a
/// repeated id) as type "experiment_alert", so SSE clients, webhooks and RabbitMQ (routing key experiment_alert)
/// receive it like a trigger.
/// </summary>
public sealed class ExperimentAlertProjection(IOutboxStore outbox, IPartitionOwnership ownership) : IPartitionProjection
{
    public const string EventType = "experiment-alert-raised";
    public const string OutboxType = "experiment_alert";

    public string Name => "experiment-alert-outbox";

    public bool Accepts(string eventType) => eventType == EventType;

    public async Task ProjectAsync(int partition, IReadOnlyList<PartitionRecord> records, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>(records.Count);
        foreach (var record in records)
        {
            if (JsonSerializer.Deserialize(record.Payload, ExperimentJsonContext.Default.ExperimentRegistryEvent) is ExperimentAlertRaised { Alert: var alert })
            {
                messages.Add(new OutboxMessage(
                    alert.Id,
                    OutboxType,
                    $"experiment:{alert.ExperimentKey.ToLowerInvariant()}",
                    alert.DetectedAt,
                    Withheld: false,
                    JsonSerializer.SerializeToUtf8Bytes(alert, ExperimentJsonContext.Default.ExperimentAlert)));
            }
        }

        if (messages.Count == 0)
        {
            return;
        }

        if (!ownership.TryGetLocalLease(partition, out var lease))
        {
            throw new LeaseLostException(partition, -1);
        }

        await outbox.AppendAsync(partition, lease.Epoch, messages, cancellationToken);
    }
}
