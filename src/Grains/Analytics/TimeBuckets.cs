namespace Orleans.Personalization.Grains.Analytics;

/// <summary>Splits a time range into buckets of a granularity; the first and last buckets are cut to the range.</summary>
public static class TimeBuckets
{
    public const int MaxBuckets = 1000;

    /// <summary>The start of the bucket holding <paramref name="ticks"/> (UTC ticks).</summary>
    public static long Floor(long ticks, Granularity granularity)
    {
        var time = new DateTime(ticks, DateTimeKind.Utc);
        return granularity switch
        {
            Granularity.Hour => new DateTime(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc).Ticks,
            Granularity.Day => time.Date.Ticks,
            _ => time.Date.AddDays(-(((int)time.DayOfWeek + 6) % 7)).Ticks,
        };
    }

    public static long Next(long bucketStart, Granularity granularity) => granularity switch
    {
        Granularity.Hour => bucketStart + TimeSpan.TicksPerHour,
        Granularity.Day => bucketStart + TimeSpan.TicksPerDay,
        _ => bucketStart + (7 * TimeSpan.TicksPerDay),
    };

    /// <summary>How many buckets the range spans.</summary>
    public static long Count(TimeRange range, Granularity granularity)
    {
        var width = Next(0, granularity);
        var first = Floor(range.From.UtcTicks, granularity);
        return ((range.To.UtcTicks - 1 - first) / width) + 1;
    }
}
