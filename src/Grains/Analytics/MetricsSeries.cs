using Orleans.Personalization.Analytics.Metrics;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>Metrics over the whole range (overall and per breakdown value) and per time bucket.</summary>
public sealed record MetricsSeries(
    DateTimeOffset From,
    DateTimeOffset To,
    Granularity? Granularity,
    MetricsSnapshot Overall,
    IReadOnlyList<MetricsGroup> Groups,
    IReadOnlyList<MetricsBucket> Series);
