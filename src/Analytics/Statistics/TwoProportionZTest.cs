namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>The two-proportion z-test of equal conversion rates (the same test as Pearson's chi-squared on the 2×2 table).</summary>
public static class TwoProportionZTest
{
    /// <summary>
    /// Tests with the pooled standard error, as the null hypothesis says both rates are one; the interval for
    /// the difference uses the unpooled (Wald) standard error, as the difference need not be zero there.
    /// </summary>
    public static ZTestResult Run(long controlSuccesses, long controlTrials, long treatmentSuccesses, long treatmentTrials, double confidence = 0.95)
    {
        ConfidenceIntervals.ThrowIfInvalid(confidence);
        if (controlTrials <= 0 || treatmentTrials <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(controlTrials), "Both groups need at least one trial.");
        }

        var pc = (double)controlSuccesses / controlTrials;
        var pt = (double)treatmentSuccesses / treatmentTrials;
        var pooled = (double)(controlSuccesses + treatmentSuccesses) / (controlTrials + treatmentTrials);
        var pooledError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / controlTrials) + (1.0 / treatmentTrials)));
        var z = pooledError > 0 ? (pt - pc) / pooledError : 0;
        var pValue = pooledError > 0 ? 2 * NormalDistribution.Cdf(-Math.Abs(z)) : 1;

        var error = Math.Sqrt((pc * (1 - pc) / controlTrials) + (pt * (1 - pt) / treatmentTrials));
        var half = NormalDistribution.Quantile(0.5 + (confidence / 2)) * error;
        return new ZTestResult(z, pValue, new Estimate(pt - pc, pt - pc - half, pt - pc + half));
    }
}
