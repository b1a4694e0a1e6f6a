namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>Confidence intervals for the per-variant figures of an experiment.</summary>
public static class ConfidenceIntervals
{
    /// <summary>
    /// Wilson's score interval for a proportion (Newcombe 1998, method 3): unlike the Wald interval it stays
    /// inside [0, 1] and keeps its coverage for small counts and rates near 0, as conversion rates are.
    /// </summary>
    public static Estimate Wilson(long successes, long trials, double confidence = 0.95)
    {
        ThrowIfInvalid(confidence);
        if (trials <= 0)
        {
            return new Estimate(0, 0, 1);
        }

        var z = NormalDistribution.Quantile(0.5 + (confidence / 2));
        var p = (double)successes / trials;
        var zz = z * z;
        var denominator = 1 + (zz / trials);
        var centre = p + (zz / (2 * trials));
        var half = z * Math.Sqrt((p * (1 - p) / trials) + (zz / (4.0 * trials * trials)));
        return new Estimate(p, Math.Max(0, (centre - half) / denominator), Math.Min(1, (centre + half) / denominator));
    }

    /// <summary>Student's t interval for a mean; null below two observations.</summary>
    public static Estimate? Mean(SampleSummary sample, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ThrowIfInvalid(confidence);
        if (sample.Count < 2)
        {
            return null;
        }

        var half = StudentTDistribution.Quantile(0.5 + (confidence / 2), sample.Count - 1) * sample.StandardError;
        return new Estimate(sample.Mean, sample.Mean - half, sample.Mean + half);
    }

    /// <summary>
    /// An interval for a ratio of sums, Σy / Σx over units (revenue over orders per shopper: average order
    /// value). Orders of one shopper are not independent, so the variance comes from the delta method over
    /// shoppers, Var(ȳ/x̄) ≈ (s²_y − 2r·s_xy + r²·s²_x) / (n·x̄²), as in Deng, Knoblich and Lu (2018), not from
    /// treating every order as a separate sample. Null when Σx is zero or there are fewer than two units.
    /// </summary>
    public static Estimate? Ratio(IReadOnlyList<(double Numerator, double Denominator)> units, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(units);
        ThrowIfInvalid(confidence);
        var n = units.Count;
        if (n < 2)
        {
            return null;
        }

        double meanX = 0, meanY = 0;
        foreach (var (y, x) in units)
        {
            meanX += x;
            meanY += y;
        }

        meanX /= n;
        meanY /= n;
        if (meanX == 0)
        {
            return null;
        }

        double varX = 0, varY = 0, covariance = 0;
        foreach (var (y, x) in units)
        {
            varX += (x - meanX) * (x - meanX);
            varY += (y - meanY) * (y - meanY);
            covariance += (x - meanX) * (y - meanY);
        }

        varX /= n - 1;
        varY /= n - 1;
        covariance /= n - 1;
        var ratio = meanY / meanX;
        var variance = Math.Max(0, (varY - (2 * ratio * covariance) + (ratio * ratio * varX)) / (n * meanX * meanX));
        var half = NormalDistribution.Quantile(0.5 + (confidence / 2)) * Math.Sqrt(variance);
        return new Estimate(ratio, ratio - half, ratio + half);
    }

    internal static void ThrowIfInvalid(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie strictly between 0 and 1.");
        }
    }
}
