namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>Pearson's chi-squared goodness-of-fit test, the sample-ratio-mismatch check of experiments.</summary>
public static class ChiSquaredGoodnessOfFit
{
    /// <summary>
    /// Tests observed counts against expected shares. Shares may be on any scale (weights 50/30/20 or
    /// proportions); they are rescaled to the observed total, as R's <c>chisq.test(rescale.p = TRUE)</c> does.
    /// A category expected to be empty adds nothing when it is empty and makes the statistic infinite when not.
    /// </summary>
    public static ChiSquaredTestResult Test(IReadOnlyList<long> observed, IReadOnlyList<double> expectedShares)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(expectedShares);
        if (observed.Count != expectedShares.Count || observed.Count < 2)
        {
            throw new ArgumentException("Need at least two categories, with one expected share per observed count.", nameof(expectedShares));
        }

        var total = observed.Sum();
        var shareTotal = expectedShares.Sum();
        if (total <= 0 || !(shareTotal > 0) || expectedShares.Any(s => s < 0))
        {
            throw new ArgumentException("Need a positive total and non-negative shares.", nameof(expectedShares));
        }

        var statistic = 0.0;
        var categories = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = total * expectedShares[i] / shareTotal;
            if (expected == 0)
            {
                statistic += observed[i] == 0 ? 0 : double.PositiveInfinity;
                continue;
            }

            categories++;
            statistic += (observed[i] - expected) * (observed[i] - expected) / expected;
        }

        var degrees = Math.Max(1, categories - 1);
        var p = double.IsPositiveInfinity(statistic) ? 0 : ChiSquaredDistribution.Survival(statistic, degrees);
        return new ChiSquaredTestResult(statistic, degrees, p);
    }
}
