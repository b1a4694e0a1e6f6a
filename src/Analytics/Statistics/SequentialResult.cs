namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>
/// An always-valid result: <paramref name="PValue"/> and <paramref name="Difference"/> may be read at any
/// number of looks, chosen after seeing the data, without raising the false-positive rate above alpha.
/// </summary>
/// <param name="PValue">Always-valid p-value for "no difference".</param>
/// <param name="Difference">Treatment − control with its always-valid (confidence-sequence) interval.</param>
/// <param name="Significant">True when <paramref name="PValue"/> is below alpha.</param>
public sealed record SequentialResult(double PValue, Estimate Difference, bool Significant);
