namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>A histogram bar: how many conversions took at most <paramref name="UpperBound"/> and more than the previous bucket's bound.</summary>
public sealed record TimeBucket(string Label, TimeSpan UpperBound, int Count);
