using Orleans.Personalization.Analytics;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>A metrics query: sessions starting in <paramref name="Range"/>, optionally per bucket of <paramref name="Granularity"/> and per <paramref name="Breakdown"/> value.</summary>
public sealed record MetricsRequest(TimeRange Range, Granularity? Granularity = null, Breakdown? Breakdown = null);
