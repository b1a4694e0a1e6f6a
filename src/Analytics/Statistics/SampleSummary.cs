namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>Count, mean and unbiased sample variance (divisor n − 1) of a sample.</summary>
public sealed record SampleSummary(long Count, double Mean, double Variance)
{
    /// <summary>Summarises values in one pass with Welford's update, which avoids the cancellation of Σx² − n·mean².</summary>
    public static SampleSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        long count = 0;
        double mean = 0, squares = 0;
        foreach (var value in values)
        {
            count++;
            var delta = value - mean;
            mean += delta / count;
            squares += delta * (value - mean);
        }

        return new SampleSummary(count, mean, count > 1 ? squares / (count - 1) : 0);
    }

    public double StandardError => Count > 0 ? Math.Sqrt(Variance / Count) : double.NaN;
}
