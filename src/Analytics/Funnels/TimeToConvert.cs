namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// The distribution of conversion times. Percentiles interpolate linearly between order statistics (R's
/// default, type 7), so the median of an even count is the mean of the middle two.
/// </summary>
public sealed record TimeToConvert(
    int Count,
    TimeSpan Median,
    TimeSpan Mean,
    TimeSpan P25,
    TimeSpan P75,
    TimeSpan P90,
    TimeSpan Min,
    TimeSpan Max,
    IReadOnlyList<TimeBucket> Histogram)
{
    private static readonly (string Label, TimeSpan Bound)[] Buckets =
    [
        ("≤ 1 min", TimeSpan.FromMinutes(1)),
        ("≤ 10 min", TimeSpan.FromMinutes(10)),
        ("≤ 1 h", TimeSpan.FromHours(1)),
        ("≤ 6 h", TimeSpan.FromHours(6)),
        ("≤ 1 d", TimeSpan.FromDays(1)),
        ("≤ 3 d", TimeSpan.FromDays(3)),
        ("≤ 7 d", TimeSpan.FromDays(7)),
        ("≤ 14 d", TimeSpan.FromDays(14)),
        ("> 14 d", TimeSpan.MaxValue),
    ];

    /// <summary>Summarises durations given in ticks; sorts the list in place. Null when it is empty.</summary>
    internal static TimeToConvert? From(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return null;
        }

        ticks.Sort();
        var histogram = new int[Buckets.Length];
        var bucket = 0;
        var sum = 0.0;
        foreach (var t in ticks)
        {
            while (t > Buckets[bucket].Bound.Ticks)
            {
                bucket++;
            }

            histogram[bucket]++;
            sum += t;
        }

        return new TimeToConvert(
            ticks.Count,
            Percentile(ticks, 0.5),
            TimeSpan.FromTicks((long)Math.Round(sum / ticks.Count)),
            Percentile(ticks, 0.25),
            Percentile(ticks, 0.75),
            Percentile(ticks, 0.9),
            TimeSpan.FromTicks(ticks[0]),
            TimeSpan.FromTicks(ticks[^1]),
            Buckets.Select((b, i) => new TimeBucket(b.Label, b.Bound, histogram[i])).ToArray());
    }

    private static TimeSpan Percentile(List<long> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Count - 1);
        var value = sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
        return TimeSpan.FromTicks((long)Math.Round(value));
    }
}
