namespace Orleans.Personalization.BenchKit;

/// <summary>What one timed phase measured: successful requests, their latencies, failures, elapsed time.</summary>
public sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, double[] LatenciesMs, int[] SucceededRequestNumbers)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}
