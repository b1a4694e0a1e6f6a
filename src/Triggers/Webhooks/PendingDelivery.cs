namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>A pending delivery the worker holds in memory, with the payload to send.</summary>
internal sealed class PendingDelivery(long sequence, string messageId, string type, int lane, byte[] payload)
{
    public long Sequence { get; } = sequence;

    public string MessageId { get; } = messageId;

    public string Type { get; } = type;

    public int Lane { get; } = lane;

    public byte[] Payload { get; } = payload;

    /// <summary>Attempts since it was (re)queued.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }
}
