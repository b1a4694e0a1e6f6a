using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>One delivery in a subscription's log: which trigger, its state, and the last attempt's outcome.</summary>
public sealed record DeliveryView(
    long Sequence,
    string TriggerId,
    string Type,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset QueuedAt,
    DateTimeOffset UpdatedAt,
    int? LastStatusCode,
    string? LastError)
{
    public static DeliveryView From(DeliveryRecord record) => new(
        record.Sequence,
        record.MessageId,
        record.Type,
        StatusName(record.Status),
        record.Attempts,
        record.Status == DeliveryStatus.Pending ? record.NextAttemptAt : null,
        record.QueuedAt,
        record.UpdatedAt,
        record.LastStatusCode,
        record.LastError);

    public static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        _ => "dead",
    };
}
