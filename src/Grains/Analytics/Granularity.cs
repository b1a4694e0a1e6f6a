namespace Orleans.Personalization.Grains.Analytics;

/// <summary>The width of the buckets of a metrics series; buckets start on UTC hours, UTC days and ISO weeks (Mondays).</summary>
public enum Granularity
{
    Hour,
    Day,
    Week,
}
