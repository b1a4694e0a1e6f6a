namespace Orleans.Personalization.Runtime.Storage;

/// <summary>An attempt to record and the state it leaves the delivery in (<see cref="NextAttemptAt"/> when still pending).</summary>
public sealed record DeliveryOutcome(DeliveryAttempt Attempt, DeliveryStatus Status, DateTimeOffset? NextAttemptAt);
