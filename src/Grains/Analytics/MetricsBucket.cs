using Orleans.Personalization.Analytics.Metrics;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>The metrics of the sessions that started in [Start, End), overall and per breakdown value.</summary>
public sealed record MetricsBucket(DateTimeOffset Start, DateTimeOffset End, MetricsSnapshot Metrics, IReadOnlyList<MetricsGroup> Groups);
