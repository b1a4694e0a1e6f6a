namespace Orleans.Personalization.Analytics.Metrics;

/// <summary>Metrics overall and per breakdown value (ordered by sessions, then value); no groups without a breakdown.</summary>
public sealed record MetricsReport(MetricsSnapshot Overall, IReadOnlyList<MetricsGroup> Groups);
