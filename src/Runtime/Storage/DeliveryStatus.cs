namespace Orleans.Personalization.Runtime.Storage;

/// <summary>Where a delivery is: waiting for its next attempt, delivered, or given up on (a dead letter).</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,
    Dead,
}
