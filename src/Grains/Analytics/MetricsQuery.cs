using Orleans.Personalization.Analytics;
using Orleans.Personalization.Analytics.Metrics;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// Store metrics from a snapshot: events of sessions that started in the range (sessions stitched across merged
/// ids), each session in the bucket of its start, people resolved through the identity graph, so shoppers are
/// counted once. Experiment exposures are left out: being served a variant is not a visit.
/// </summary>
internal static class MetricsQuery
{
    public static MetricsSeries Run(AnalyticsSnapshot snapshot, MetricsRequest request)
    {
        var identities = snapshot.Identities();
        var attributes = new SnapshotAttributes(snapshot, identities);
        var stitched = SessionStitcher.Stitch(snapshot.Events, snapshot.MergedIds(), identities);
        var options = new MetricsOptions { Breakdown = request.Breakdown };
        var all = new List<AnalyticsEvent>();
        var buckets = new SortedDictionary<long, List<AnalyticsEvent>>();
        var events = snapshot.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var (e, session) = events.Stored(i);
            if (e.Name == AnalyticsEventNames.ExperimentViewed)
            {
                continue;
            }

            var start = session.StartTicks;
            if (stitched.TryGetValue(session, out var combined))
            {
                e = e with { SessionId = combined.Id };
                start = combined.StartTicks;
            }

            if (!request.Range.Contains(start))
            {
                continue;
            }

            all.Add(e);
            if (request.Granularity is { } granularity)
            {
                var bucket = TimeBuckets.Floor(start, granularity);
                if (!buckets.TryGetValue(bucket, out var list))
                {
                    list = [];
                    buckets[bucket] = list;
                }

                list.Add(e);
            }
        }

        var overall = ConversionMetrics.Compute(all, options, identities, attributes);
        var series = request.Granularity is { } g ? Series(request.Range, g, buckets, options, identities, attributes) : [];
        return new MetricsSeries(request.Range.From, request.Range.To, request.Granularity, overall.Overall, overall.Groups, series);
    }

    /// <summary>Every bucket of the range, empty ones included, so a chart has no gaps.</summary>
    private static List<MetricsBucket> Series(
        TimeRange range,
        Granularity granularity,
        SortedDictionary<long, List<AnalyticsEvent>> buckets,
        MetricsOptions options,
        IdentityGraph identities,
        IPersonAttributes attributes)
    {
        var series = new List<MetricsBucket>();
        for (var start = TimeBuckets.Floor(range.From.UtcTicks, granularity); start < range.To.UtcTicks; start = TimeBuckets.Next(start, granularity))
        {
            var report = ConversionMetrics.Compute(buckets.GetValueOrDefault(start) ?? [], options, identities, attributes);
            var from = Math.Max(start, range.From.UtcTicks);
            var to = Math.Min(TimeBuckets.Next(start, granularity), range.To.UtcTicks);
            series.Add(new MetricsBucket(new DateTimeOffset(from, TimeSpan.Zero), new DateTimeOffset(to, TimeSpan.Zero), report.Overall, report.Groups));
        }

        return series;
    }
}
