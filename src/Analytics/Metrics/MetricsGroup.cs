namespace Orleans.Personalization.Analytics.Metrics;

/// <summary>The metrics of the sessions whose breakdown value is <paramref name="Value"/>.</summary>
public sealed record MetricsGroup(string Value, MetricsSnapshot Metrics);
