namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>A point estimate with the bounds of an interval around it (confidence or credible, as the producer says).</summary>
public sealed record Estimate(double Value, double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    public bool ExcludesZero => Lower > 0 || Upper < 0;
}
