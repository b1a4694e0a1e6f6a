using System.Text.Json;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// The outbox is a projection of the shoppers' journals (ARCHITECTURE D2, D5): every raised trigger is
/// appended, once (the outbox drops a repeated id), in each partition's commit order, so order holds per
/// shopper. Holdout triggers are appended withheld: recorded, never delivered.
/// </summary>
public sealed class TriggerOutboxProjection(IOutboxStore outbox, IPartitionOwnership ownership) : IPartitionProjection
{
    /// <summary>The stored name of <see cref="TriggerRaised"/> in shopper journals.</summary>
    public const string TriggerEventType = "trigger-raised";

    public string Name => "trigger-outbox";

    public bool Accepts(string eventType) => eventType == TriggerEventType;

    /// <summary>Triggers are rare among records, so a pass's partitions catch up together: nudges reach the outbox within about one commit.</summary>
    public bool CatchesUpPartitionsTogether => true;

    public async Task ProjectAsync(int partition, IReadOnlyList<PartitionRecord> records, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>(records.Count);
        foreach (var record in records)
        {
            if (JsonSerializer.Deserialize(record.Payload, ShopperJsonContext.Default.ShopperEvent) is TriggerRaised { Trigger: var trigger })
            {
                messages.Add(new OutboxMessage(
                    trigger.Id,
                    trigger.Type,
                    trigger.Shopper.Key,
                    trigger.OccurredAt,
                    trigger.Holdout,
                    JsonSerializer.SerializeToUtf8Bytes(trigger, TriggerJsonContext.Default.Trigger)));
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
