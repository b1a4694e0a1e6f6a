namespace Orleans.Personalization.Api.Triggers;

/// <summary>How many deliveries a redelivery request queued again.</summary>
public sealed record Requeued(int Count);
