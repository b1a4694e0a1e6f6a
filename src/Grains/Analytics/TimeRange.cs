namespace Orleans.Personalization.Grains.Analytics;

/// <summary>A half-open time range [From, To) of event time.</summary>
public sealed record TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset time) => time >= From && time < To;

    public bool Contains(long utcTicks) => utcTicks >= From.UtcTicks && utcTicks < To.UtcTicks;
}
