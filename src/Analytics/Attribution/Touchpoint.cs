namespace Orleans.Personalization.Analytics.Attribution;

/// <summary>A visit from a channel.</summary>
public sealed record Touchpoint(DateTimeOffset Timestamp, string Channel);
